/** Settings for kiosk mode: the PIN that lets staff leave it, and its idle and thank-you timings. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_KIOSK } from '../../../../shared/responses';
import { useAppStore } from '../../stores/app';
import { saveKioskSettings } from '../../stores/kiosk';

const PIN = /^\d{4,8}$/;

function PinForm({ pinSet }: { pinSet: boolean }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [state, setState] = useState<'idle' | 'invalid' | 'mismatch' | 'saved'>('idle');
  return (
    <form
      className="kiosk-pin-form"
      data-testid="kiosk-pin-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!PIN.test(pin)) return setState('invalid');
        if (pin !== repeat) return setState('mismatch');
        void saveKioskSettings({ kioskPin: pin }).then((ok) => {
          if (!ok) return;
          setPin('');
          setRepeat('');
          setState('saved');
        });
      }}
    >
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('kiosk.settings.newPin')}</span>
          <input
            className={state === 'invalid' ? 'input invalid' : 'input'}
            data-field="kiosk-pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={8}
            value={pin}
            onChange={(e) => {
              setPin(e.target.value.replace(/\D/g, ''));
              setState('idle');
            }}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('kiosk.settings.repeatPin')}</span>
          <input
            className={state === 'mismatch' ? 'input invalid' : 'input'}
            data-field="kiosk-pin-repeat"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            maxLength={8}
            value={repeat}
            onChange={(e) => {
              setRepeat(e.target.value.replace(/\D/g, ''));
              setState('idle');
            }}
          />
        </label>
      </div>
      {state === 'invalid' && <p className="field-error">{t('kiosk.settings.pinInvalid')}</p>}
      {state === 'mismatch' && <p className="field-error">{t('kiosk.settings.pinMismatch')}</p>}
      {state === 'saved' && (
        <p className="good" role="status">
          {t('kiosk.settings.pinSaved')}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          className="button"
          data-action="save-kiosk-pin"
          disabled={!pin || !repeat}
        >
          {pinSet ? t('kiosk.settings.changePin') : t('kiosk.settings.savePin')}
        </button>
      </div>
    </form>
  );
}

function TimingsForm({
  idleSeconds,
  thanksSeconds,
}: {
  idleSeconds: number;
  thanksSeconds: number;
}) {
  const { t } = useTranslation();
  const [idle, setIdle] = useState(String(idleSeconds));
  const [thanks, setThanks] = useState(String(thanksSeconds));
  const [state, setState] = useState<'idle' | 'invalid' | 'saved'>('idle');
  const idleValue = Number(idle);
  const thanksValue = Number(thanks);
  const valid =
    Number.isInteger(idleValue) &&
    idleValue >= 10 &&
    idleValue <= 3600 &&
    Number.isInteger(thanksValue) &&
    thanksValue >= 1 &&
    thanksValue <= 60;
  return (
    <form
      data-testid="kiosk-timings-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return setState('invalid');
        void saveKioskSettings({
          kiosk: { idleSeconds: idleValue, thanksSeconds: thanksValue },
        }).then((ok) => {
          if (ok) setState('saved');
        });
      }}
    >
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('kiosk.settings.idleSeconds')}</span>
          <input
            className="input narrow"
            data-field="kiosk-idle"
            type="number"
            min={10}
            max={3600}
            value={idle}
            onChange={(e) => {
              setIdle(e.target.value);
              setState('idle');
            }}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('kiosk.settings.thanksSeconds')}</span>
          <input
            className="input narrow"
            data-field="kiosk-thanks"
            type="number"
            min={1}
            max={60}
            value={thanks}
            onChange={(e) => {
              setThanks(e.target.value);
              setState('idle');
            }}
          />
        </label>
      </div>
      {state === 'invalid' && <p className="field-error">{t('kiosk.settings.timesInvalid')}</p>}
      {state === 'saved' && (
        <p className="good" role="status">
          {t('kiosk.settings.timesSaved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button secondary" data-action="save-kiosk-times">
          {t('kiosk.settings.saveTimes')}
        </button>
      </div>
    </form>
  );
}

export function KioskPanel() {
  const { t } = useTranslation();
  const kiosk = useAppStore((s) => s.settings?.kiosk);
  const pinSet = kiosk?.pinSet ?? false;
  const idleSeconds = kiosk?.idleSeconds ?? DEFAULT_KIOSK.idleSeconds;
  const thanksSeconds = kiosk?.thanksSeconds ?? DEFAULT_KIOSK.thanksSeconds;
  return (
    <div className="card" data-testid="kiosk-settings">
      <h2>{t('kiosk.settings.title')}</h2>
      <p className="muted">{t('kiosk.settings.help')}</p>
      <h3>{t('kiosk.settings.pinHeading')}</h3>
      <p className={pinSet ? 'good' : 'bad'} data-testid="kiosk-pin-status">
        {pinSet ? t('kiosk.settings.pinSet') : t('kiosk.settings.pinNotSet')}
      </p>
      <PinForm pinSet={pinSet} />
      <h3>{t('kiosk.settings.timesHeading')}</h3>
      {/* Keyed by the saved values, so the fields show what another window saved. */}
      <TimingsForm
        key={`${idleSeconds}:${thanksSeconds}`}
        idleSeconds={idleSeconds}
        thanksSeconds={thanksSeconds}
      />
    </div>
  );
}
