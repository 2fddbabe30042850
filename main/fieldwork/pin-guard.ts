/**
 * Leaving kiosk mode: the PIN check with a lockout in main, so a visitor cannot try PINs faster
 * than the page allows by calling the API directly. Five wrong PINs lock it for 30 seconds.
 */
import { AppError } from '../../shared/errors';
import type { Db } from '../db/connection';
import { verifyKioskPin } from '../services/settings';

export const MAX_WRONG_PINS = 5;
export const LOCK_MS = 30_000;

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
