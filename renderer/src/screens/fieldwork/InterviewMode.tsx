/**
 * Interview mode: an account manager with a key customer, one-to-one on a laptop, often offline.
 * Customer, consent, the questionnaire page by page, then a summary. Every answer is committed as
 * it is given, so leaving (or the laptop dying) loses nothing and the hub offers to resume.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition } from '../../../../shared/questionnaire/model';
import { useInterviewStore } from '../../stores/interview';
import { ConsentStep } from './interview/ConsentStep';
import { CustomerStep } from './interview/CustomerStep';
import { InterviewHeader } from './interview/InterviewHeader';
import { QuestionPages } from './interview/QuestionPages';
import { Summary } from './interview/Summary';
import './interview/interview.css';

export interface InterviewModeProps {
  surveyId: string;
  waveId: string | null;
  definition: SurveyDefinition;
  versionNo: number;
  onExit: () => void;
  resumeId?: string | null;
}

export function InterviewMode({
  surveyId,
  waveId,
  definition,
  versionNo,
  onExit,
  resumeId = null,
}: InterviewModeProps) {
  const { t } = useTranslation();
  const step = useInterviewStore((s) => s.step);
  const open = useInterviewStore((s) => s.open);
  const flush = useInterviewStore((s) => s.flush);
  const close = useInterviewStore((s) => s.close);
  const [leaving, setLeaving] = useState(false);

  useEffect(() => {
    void open({ surveyId, waveId, definition, versionNo }, resumeId);
  }, [open, surveyId, waveId, definition, versionNo, resumeId]);

  // Leaving by another screen in the sidebar sends what is waiting and keeps the interview open
  // for when Field work is shown again.
  useEffect(() => () => void flush(), [flush]);
  // Closing the window: a typed answer still waiting for its pause goes out (best effort; every
  // answer given before the last few hundred milliseconds is committed already).
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [flush]);

  // A write that failed stays on screen (with its retry) instead of being left behind.
  const exit = () => {
    setLeaving(true);
    void close().then((saved) => {
      setLeaving(false);
      if (saved) onExit();
    });
  };

  return (
    <section className="screen interview" data-testid="interview" data-step={step}>
      <InterviewHeader onExit={exit} leaving={leaving} />
      {step === 'loading' && <p className="muted">{t('interview.loading')}</p>}
      {step === 'customer' && <CustomerStep />}
      {step === 'consent' && <ConsentStep />}
      {step === 'questions' && <QuestionPages />}
      {step === 'done' && <Summary onExit={exit} />}
    </section>
  );
}
