/** The idle timeout: no touch or key for a while ends the visit, after a visible countdown. */
import { useEffect, useRef, useState } from 'react';

/**
 * The countdown shows in the last 10 seconds; with a short timeout (the minimum is 10 s) only in
 * the second half, or the warning would cover every question.
 */
export function warningSeconds(idleSeconds: number): number {
  return Math.min(10, Math.floor(idleSeconds / 2));
}

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/** Seconds left while the warning should show, else null; calls onIdle when time is up. */
export function useIdleCountdown(
  enabled: boolean,
  idleSeconds: number,
  onIdle: () => void,
): number | null {
  const [remaining, setRemaining] = useState<number | null>(null);
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });
  useEffect(() => {
    if (!enabled) return;
    const idleMs = idleSeconds * 1000;
    const warnMs = warningSeconds(idleSeconds) * 1000;
    let last = Date.now();
    const touched = () => {
      last = Date.now();
      setRemaining(null);
    };
    for (const name of ACTIVITY) window.addEventListener(name, touched, true);
    const timer = window.setInterval(() => {
      const left = idleMs - (Date.now() - last);
      if (left <= 0) {
        last = Date.now();
        setRemaining(null);
        onIdleRef.current();
      } else setRemaining(left <= warnMs ? Math.ceil(left / 1000) : null);
    }, 250);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, touched, true);
    };
  }, [enabled, idleSeconds]);
  return enabled ? remaining : null;
}
