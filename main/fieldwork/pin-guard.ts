/**
 * Leaving kiosk mode: the PIN check with a lockout in main, a backstop for someone calling the API
 * directly. The page already locks its pad after five wrong PINs for 30 s; main allows twice that
 * many before locking for a minute, so the page's own lock always comes first.
 */
import { AppError } from '../../shared/errors';
import type { Db } from '../db/connection';
import { verifyKioskPin } from '../services/settings';

export const MAX_WRONG_PINS = 10;
export const LOCK_MS = 60_000;

const state = new WeakMap<Db, { wrong: number; lockedUntil: number }>();

export function checkKioskPin(db: Db, pin: string, now = Date.now()): void {
  const s = state.get(db) ?? { wrong: 0, lockedUntil: 0 };
  state.set(db, s);
  if (now < s.lockedUntil) throw new AppError('PIN_LOCKED', { seconds: Math.ceil((s.lockedUntil - now) / 1000) });
  if (verifyKioskPin(db, pin)) {
    s.wrong = 0;
    return;
  }
  s.wrong += 1;
  if (s.wrong >= MAX_WRONG_PINS) {
    s.wrong = 0;
    s.lockedUntil = now + LOCK_MS;
    throw new AppError('PIN_LOCKED', { seconds: LOCK_MS / 1000 });
  }
  throw new AppError('WRONG_PIN');
}
