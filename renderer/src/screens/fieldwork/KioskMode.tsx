/**
 * Kiosk mode: visitors answer on a tablet at a trade show or in a store, one question per screen.
 * It takes over the whole window (App.tsx drops the sidebar while the store is active), asks for
 * full screen, resets itself after the thank-you screen or when idle, and lets staff out only
 * with the kiosk PIN.
 */
import { useLayoutEffect } from 'react';
import type { SurveyDefinition } from '../../../../shared/questionnaire/model';
import { DEFAULT_KIOSK } from '../../../../shared/responses';
import { useAppStore } from '../../stores/app';
import { useKioskStore } from '../../stores/kiosk';
// The base styles first: the question and PIN styles imported by their components build on them.
import './kiosk/kiosk.css';
import { interfaceLocale } from './kiosk/flow';
import { useIdleCountdown } from './kiosk/idle';
import { exitKioskFullscreen, requestKioskFullscreen, useKioskLockdown } from './kiosk/lockdown';
import { ExitCorner, PinPad } from './kiosk/PinPad';
import { QuestionScreen } from './kiosk/QuestionScreen';
import { Consent, IdleWarning, Thanks, Welcome } from './kiosk/screens';

export interface KioskModeProps {
  surveyId: string;
  waveId: string | null;
  definition: SurveyDefinition;
  versionNo: number;
  onExit: () => void;
  resumeId?: string | null;
}

export function KioskMode({ surveyId, waveId, definition, versionNo, onExit }: KioskModeProps) {
  const enter = useKioskStore((s) => s.enter);
  const leave = useKioskStore((s) => s.leave);
  const reset = useKioskStore((s) => s.reset);
  const active = useKioskStore((s) => s.active);
  const phase = useKioskStore((s) => s.phase);
  const lang = useKioskStore((s) => s.lang);
  const defaultLang = useKioskStore((s) => s.defaultLang);
  const visitNo = useKioskStore((s) => s.visitNo);
  const current = useKioskStore((s) => s.current);
  const pinOpen = useKioskStore((s) => s.pinOpen);
  const lastResetMs = useKioskStore((s) => s.lastResetMs);
  const timings = useAppStore((s) => s.settings?.kiosk) ?? DEFAULT_KIOSK;

  // A layout effect, so the app frame drops the sidebar before the first paint.
  useLayoutEffect(() => {
    enter({ surveyId, waveId, definition, versionNo });
    requestKioskFullscreen();
    return () => {
      leave();
      exitKioskFullscreen();
    };
  }, [enter, leave, surveyId, waveId, definition, versionNo]);
  useKioskLockdown();

  // Idle counts whenever something of a visitor is on screen: consent, questions, the PIN pad,
  // or a language they picked on the welcome screen.
  const visitorPresent =
    phase === 'consent' || phase === 'question' || pinOpen || lang !== defaultLang;
  const idleLeft = useIdleCountdown(visitorPresent, timings.idleSeconds, reset);

  if (!active) return null;
  return (
    <div
      className="kiosk"
      data-testid="kiosk"
      data-phase={phase}
      data-reset-ms={lastResetMs ?? undefined}
      lang={interfaceLocale(lang)}
    >
      <ExitCorner />
      {phase === 'welcome' && <Welcome key={visitNo} />}
      {phase === 'consent' && <Consent key={visitNo} />}
      {phase === 'question' && <QuestionScreen key={`${visitNo}:${current ?? ''}`} />}
      {phase === 'thanks' && <Thanks key={visitNo} seconds={timings.thanksSeconds} />}
      {idleLeft !== null && !pinOpen && <IdleWarning seconds={idleLeft} />}
      {pinOpen && <PinPad onExit={onExit} />}
    </div>
  );
}
