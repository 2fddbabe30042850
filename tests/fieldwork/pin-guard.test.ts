import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/errors';
import { checkKioskPin, LOCK_MS, MAX_WRONG_PINS } from '../../main/fieldwork/pin-guard';
import { updateSettings } from '../../main/services/settings';
import type { RunningServices } from '../../main/services/start';
import { startTestServices } from '../helpers/services';

let dir: string;
let services: RunningServices;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-pin-'));
  services = await startTestServices(path.join(dir, 'db.sqlite'));
  updateSettings(services.ctx.db, { kioskPin: '2468' });
});
afterEach(async () => {
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as AppError).code;
  }
};

describe('leaving kiosk mode', () => {
  it('accepts the right PIN and refuses a wrong one', () => {
    expect(codeOf(() => checkKioskPin(services.ctx.db, '2468'))).toBe('ok');
    expect(codeOf(() => checkKioskPin(services.ctx.db, '1111'))).toBe('WRONG_PIN');
  });

  it('locks after ten wrong PINs, even for the right one, until the lock runs out', () => {
    const db = services.ctx.db;
    const t0 = 1_000_000;
    for (let i = 1; i < MAX_WRONG_PINS; i++) expect(codeOf(() => checkKioskPin(db, '0000', t0))).toBe('WRONG_PIN');
    expect(codeOf(() => checkKioskPin(db, '0000', t0))).toBe('PIN_LOCKED');
    expect(codeOf(() => checkKioskPin(db, '2468', t0 + LOCK_MS - 1))).toBe('PIN_LOCKED');
    expect(codeOf(() => checkKioskPin(db, '2468', t0 + LOCK_MS))).toBe('ok');
  });

  it('refuses through the API as well, before the page could count', async () => {
    for (let i = 0; i < MAX_WRONG_PINS; i++) await services.dispatch('kiosk.verifyPin', { pin: '9999' });
    const result = await services.dispatch('kiosk.verifyPin', { pin: '2468' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED' } });
  });
});
