/**
 * Keeping visitors inside the kiosk: full screen, and the keys and gestures that would leave it
 * (Escape, browser back, reload, zoom, the long-press context menu) do nothing.
 */
import { useEffect } from 'react';

/** Chromium's Keyboard Lock API (not in TypeScript's DOM library yet). */
interface KeyboardLock {
  lock: (keys?: string[]) => Promise<void>;
  unlock: () => void;
}

function keyboardLock(): KeyboardLock | undefined {
  return (navigator as Navigator & { keyboard?: KeyboardLock }).keyboard;
}

/**
 * Asks for full screen; called on entering and again on every Start tap (a user gesture), so a
 * kiosk that left full screen gets it back with the next visitor. A refusal (no gesture, or a
 * host that denies the permission) is not an error anyone can act on: the kiosk still covers the
 * whole window, so the refusal is deliberately ignored.
 */
export function requestKioskFullscreen(): void {
  const root = document.documentElement;
  if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
  root
    .requestFullscreen({ navigationUI: 'hide' })
    // With the keyboard locked in full screen, a short Escape no longer leaves full screen.
    .then(() => keyboardLock()?.lock(['Escape']))
    .catch(() => undefined);
}

export function exitKioskFullscreen(): void {
  keyboardLock()?.unlock();
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

/** Keys that would leave the page, reload it or zoom it: swallowed while the kiosk is open. */
function isBlockedKey(event: KeyboardEvent): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (event.key === 'Escape' || event.key === 'F5' || event.key === 'BrowserBack') return true;
  if (
    event.altKey &&
    (event.key === 'ArrowLeft' || event.key === 'ArrowRight' || event.key === 'Home')
  )
    return true;
  if (mod && ['r', 'R', 'w', 'W', '+', '-', '=', '0', 'p', 'P', 'f', 'F'].includes(event.key))
    return true;
  return event.key === 'Backspace' && !isEditable(event.target);
}

export function useKioskLockdown(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isBlockedKey(event)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    const onContextMenu = (event: Event) => event.preventDefault();
    // An extra history entry catches "back": the kiosk puts it straight back.
    const onPopState = () => window.history.pushState({ kiosk: true }, '');
    window.history.pushState({ kiosk: true }, '');
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('contextmenu', onContextMenu, true);
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('contextmenu', onContextMenu, true);
      window.removeEventListener('popstate', onPopState);
    };
  }, []);
}
