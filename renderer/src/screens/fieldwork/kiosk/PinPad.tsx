/**
 * Leaving kiosk mode: a discreet corner that opens the PIN pad after a 2-second press, and the
 * pad itself (on-screen digits; a physical keyboard works too). Five wrong PINs cost 30 s.
 */
import { useEffect, useRef, useState } from 'react';
import { PIN_TRIES, useKioskStore } from '../../../stores/kiosk';
import { useKioskT } from './text';
import './kiosk-pin.css';

const HOLD_MS = 2000;
const MAX_DIGITS = 8;

export function ExitCorner() {
  const t = useKioskT();
  const openPin = useKioskStore((s) => s.openPin);
  const [holding, setHolding] = useState(false);
  const timer = useRef<number | null>(null);
  const stop = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    setHolding(false);
  };
  useEffect(() => stop, []);
  return (
    <button
      type="button"
      className={holding ? 'k-exit-corner holding' : 'k-exit-corner'}
      data-action="exit-corner"
      aria-label={t('kiosk.exitHold')}
      title={t('kiosk.exitHold')}
      onPointerDown={() => {
        stop();
        setHolding(true);
        timer.current = window.setTimeout(() => {
          stop();
          openPin(true);
        }, HOLD_MS);
      }}
      onPointerUp={stop}
      onPointerLeave={stop}
      onPointerCancel={stop}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <rect x="5" y="11" width="14" height="10" rx="2" />
        <path d="M8 11V8a4 4 0 0 1 8 0v3" />
      </svg>
    </button>
  );
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'delete'] as const;

function useSecondsUntil(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

export function PinPad({ onExit }: { onExit: () => void }) {
  const t = useKioskT();
  const verifyPin = useKioskStore((s) => s.verifyPin);
  const openPin = useKioskStore((s) => s.openPin);
  const failures = useKioskStore((s) => s.pinFailures);
  const lockedUntil = useKioskStore((s) => s.pinLockedUntil);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<'wrong' | 'failed' | null>(null);
  const [checking, setChecking] = useState(false);
  const lockedFor = useSecondsUntil(lockedUntil);
  const locked = lockedFor > 0;

  const press = (key: (typeof KEYS)[number]) => {
    if (locked || checking) return;
    setMessage(null);
    if (key === 'clear') setPin('');
    else if (key === 'delete') setPin((p) => p.slice(0, -1));
    else setPin((p) => (p.length < MAX_DIGITS ? p + key : p));
  };
  const confirm = async () => {
    if (locked || checking || pin.length < 4) return;
    setChecking(true);
    const result = await verifyPin(pin);
    setChecking(false);
    setPin('');
    if (result === 'ok') onExit();
    else setMessage(result === 'locked' ? null : result);
  };

  // Staff with a keyboard: digits, Backspace and Enter.
  const pressRef = useRef(press);
  const confirmRef = useRef(confirm);
  useEffect(() => {
    pressRef.current = press;
    confirmRef.current = confirm;
  });
  useEffect(() => {
    // A text field under the pad must not take the digits as well.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    const onKey = (event: KeyboardEvent) => {
      if (/^\d$/.test(event.key)) pressRef.current(event.key as (typeof KEYS)[number]);
      else if (event.key === 'Backspace') pressRef.current('delete');
      else if (event.key === 'Enter') void confirmRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="k-overlay" data-testid="kiosk-pin">
      <div className="k-card k-pin" role="dialog" aria-labelledby="k-pin-title">
        <h1 className="k-heading" id="k-pin-title">
          {t('kiosk.pinTitle')}
        </h1>
        <p className="k-hint">{t('kiosk.pinPrompt')}</p>
        <div
          className={message === 'wrong' ? 'k-pin-dots shake' : 'k-pin-dots'}
          data-testid="pin-dots"
        >
          {Array.from({ length: Math.max(4, pin.length) }, (_, i) => (
            <span key={i} className={i < pin.length ? 'k-dot filled' : 'k-dot'} />
          ))}
        </div>
        <p className="k-pin-message" role="alert" data-testid="pin-message">
          {locked
            ? t('kiosk.pinLocked', { seconds: lockedFor })
            : message === 'wrong'
              ? t('kiosk.pinWrong', { left: PIN_TRIES - failures })
              : message === 'failed'
                ? t('kiosk.pinFailed')
                : ' '}
        </p>
        <div className="k-keypad">
          {KEYS.map((key) => (
            <button
              key={key}
              type="button"
              className={/\d/.test(key) ? 'k-key' : 'k-key k-key-word'}
              data-key={key}
              aria-label={key === 'delete' ? t('kiosk.pinDelete') : undefined}
              disabled={locked || checking}
              onClick={() => press(key)}
            >
              {key === 'clear' ? t('kiosk.pinClear') : key === 'delete' ? '⌫' : key}
            </button>
          ))}
        </div>
        <div className="k-pin-actions">
          <button
            type="button"
            className="k-button k-secondary"
            data-action="pin-cancel"
            onClick={() => openPin(false)}
          >
            {t('kiosk.pinCancel')}
          </button>
          <button
            type="button"
            className="k-button k-primary"
            data-action="pin-ok"
            disabled={locked || checking || pin.length < 4}
            onClick={() => void confirm()}
          >
            {t('kiosk.pinOk')}
          </button>
        </div>
      </div>
    </div>
  );
}
