/**
 * Kiosk mode: one visitor at a time on a shared tablet. Every answer is committed the moment it
 * is given; on every reset (thank-you timeout, idle timeout, "no" to consent) the visitor's state
 * is replaced wholesale, so the next visitor can never see a previous one's answers.
 */
import { create } from 'zustand';
import {
  textIn,
  type SurveyDefinition,
  type SurveyLanguage,
} from '../../../shared/questionnaire/model';
import {
  checkAnswer,
  type AnswerProblem,
  type AnswerValue,
  type Answers,
} from '../../../shared/questionnaire/runtime';
import { api, ApiCallError } from '../api/client';
import {
  choiceNeedsText,
  initialLanguage,
  kioskScreens,
  nextScreen,
  previousScreen,
  staleAnswers,
} from '../screens/fieldwork/kiosk/flow';
import { useAppStore } from './app';

export type KioskPhase = 'welcome' | 'consent' | 'question' | 'thanks';

/** The published questionnaire the kiosk collects for. */
export interface KioskSurvey {
  surveyId: string;
  waveId: string | null;
  definition: SurveyDefinition;
  versionNo: number;
}

/** Everything about the current visitor; replaced as a whole on every reset. */
interface Visit {
  phase: KioskPhase;
  lang: SurveyLanguage;
  responseId: string | null;
  answers: Answers;
  /** The name of the question on screen. */
  current: string | null;
  problem: AnswerProblem | null;
  saving: boolean;
  saveFailed: boolean;
  pinOpen: boolean;
}

export type PinResult = 'ok' | 'wrong' | 'locked' | 'failed';

/** How long a tapped answer stays visibly selected before the next question slides in. */
export const CONFIRM_MS = 250;
export const PIN_TRIES = 5;
export const PIN_WAIT_MS = 30_000;

interface KioskState extends Visit {
  /** App.tsx reads this to render the kiosk alone: no sidebar, no Alt+1..9, no error banner. */
  active: boolean;
  survey: KioskSurvey | null;
  defaultLang: SurveyLanguage;
  /** Bumped on every reset: work still running for an earlier visitor stops when it sees a newer one. */
  visitNo: number;
  pinFailures: number;
  pinLockedUntil: number | null;
  /** performance.now() when the last reset began, and how long until the welcome screen showed. */
  resetStartedAt: number | null;
  lastResetMs: number | null;
  enter: (survey: KioskSurvey) => void;
  leave: () => void;
  setLanguage: (lang: SurveyLanguage) => void;
  begin: () => Promise<void>;
  agree: () => Promise<void>;
  tap: (name: string, value: AnswerValue) => Promise<void>;
  submit: (values: Answers) => Promise<void>;
  back: () => void;
  reset: () => void;
  resetShown: (at: number) => void;
  openPin: (open: boolean) => void;
  verifyPin: (pin: string) => Promise<PinResult>;
}

function freshVisit(lang: SurveyLanguage): Visit {
  return {
    phase: 'welcome',
    lang,
    responseId: null,
    answers: {},
    current: null,
    problem: null,
    saving: false,
    saveFailed: false,
    pinOpen: false,
  };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Abandoning runs after the screen was reset; a failure reaches the operator's error banner. */
function abandonInBackground(id: string): void {
  api.responses.abandon({ id }).catch((error: unknown) => useAppStore.getState().showError(error));
}

export const useKioskStore = create<KioskState>((set, get) => {
  /** True while the visitor who started some work is still the one at the tablet. */
  const sameVisit = (visitNo: number) => get().visitNo === visitNo && get().active;

  function needsConsent(definition: SurveyDefinition): boolean {
    return (
      definition.consent.required || Object.values(definition.consent.text).some((t) => !!t?.trim())
    );
  }

  /** Commits `values` plus the clearing of answers the respondent can no longer see. */
  async function commit(values: Answers): Promise<boolean> {
    const { survey, responseId, answers, visitNo } = get();
    if (!survey || !responseId) return false;
    const merged: Answers = { ...answers, ...values };
    const stale = staleAnswers(survey.definition, merged);
    for (const name of stale) delete merged[name];
    for (const [name, value] of Object.entries(merged)) if (value === null) delete merged[name];
    set({ answers: merged, saving: true, saveFailed: false });
    const writes: [string, AnswerValue][] = [
      ...Object.entries(values).filter(([name, value]) => value !== null || answers[name] != null),
      ...stale.map((name): [string, AnswerValue] => [name, null]),
    ];
    try {
      for (const [variable, value] of writes) {
        await api.responses.answer({ id: responseId, variable, value });
        if (!sameVisit(visitNo)) return false;
      }
      return true;
    } catch (error) {
      // A late answer for a visitor who timed out meets an abandoned response: nothing to show.
      if (!sameVisit(visitNo)) return false;
      set({ saving: false, saveFailed: true });
      if (!(error instanceof ApiCallError)) useAppStore.getState().showError(error);
      return false;
    }
  }

  async function finish(visitNo: number): Promise<void> {
    const { responseId, survey } = get();
    if (!responseId || !survey) return;
    set({ saving: true });
    try {
      await api.responses.complete({ id: responseId });
      if (!sameVisit(visitNo)) return;
      // Nothing of this visitor is needed any more: forget the answers before saying thanks.
      set({ ...freshVisit(get().lang), phase: 'thanks' });
    } catch (error) {
      if (!sameVisit(visitNo)) return;
      const answers = get().answers;
      const missing = kioskScreens(survey.definition, answers)
        .map((question) => ({ question, problems: checkAnswer(question, answers) }))
        .find((entry) => entry.problems.length > 0);
      if (error instanceof ApiCallError && error.error.code === 'ANSWERS_INCOMPLETE' && missing) {
        set({
          saving: false,
          current: missing.question.name,
          problem: missing.problems[0] ?? null,
        });
      } else {
        set({ saving: false, saveFailed: true });
      }
    }
  }

  async function advance(from: string | null, visitNo: number): Promise<void> {
    const { survey, answers } = get();
    if (!survey || !sameVisit(visitNo)) return;
    const next = nextScreen(kioskScreens(survey.definition, answers), from);
    if (next) set({ current: next.name, problem: null, saving: false });
    else await finish(visitNo);
  }

  return {
    ...freshVisit('zh-CN'),
    active: false,
    survey: null,
    defaultLang: 'zh-CN',
    visitNo: 0,
    pinFailures: 0,
    pinLockedUntil: null,
    resetStartedAt: null,
    lastResetMs: null,

    enter: (survey) => {
      const lang = initialLanguage(survey.definition, useAppStore.getState().locale);
      set({
        ...freshVisit(lang),
        active: true,
        survey,
        defaultLang: lang,
        visitNo: get().visitNo + 1,
        pinFailures: 0,
        pinLockedUntil: null,
        resetStartedAt: null,
        lastResetMs: null,
      });
    },

    leave: () => {
      const { responseId, phase } = get();
      if (responseId && phase === 'question') abandonInBackground(responseId);
      set({
        ...freshVisit(get().defaultLang),
        active: false,
        survey: null,
        visitNo: get().visitNo + 1,
      });
    },

    setLanguage: (lang) => set({ lang }),

    begin: async () => {
      const survey = get().survey;
      if (!survey) return;
      if (needsConsent(survey.definition)) set({ phase: 'consent', saveFailed: false });
      else await get().agree();
    },

    agree: async () => {
      const { survey, visitNo, saving } = get();
      if (!survey || saving) return;
      set({ saving: true, saveFailed: false });
      try {
        const record = await api.responses.start({
          surveyId: survey.surveyId,
          waveId: survey.waveId,
          customerId: null,
          channel: 'kiosk',
          consent: needsConsent(survey.definition)
            ? {
                given: true,
                method: 'tapped',
                versionNo: survey.versionNo,
                givenAt: new Date().toISOString(),
              }
            : null,
        });
        if (!sameVisit(visitNo)) {
          abandonInBackground(record.id);
          return;
        }
        set({ responseId: record.id, phase: 'question', current: null, answers: {} });
        await advance(null, visitNo);
      } catch (error) {
        if (!sameVisit(visitNo)) return;
        set({ saving: false, saveFailed: true });
        useAppStore.getState().showError(error);
      }
    },

    tap: async (name, value) => {
      const { survey, answers, saving, visitNo } = get();
      const question = survey?.definition.pages
        .flatMap((p) => p.questions)
        .find((q) => q.name === name);
      if (!survey || !question || saving) return;
      const merged = { ...answers, [name]: value };
      // "Other, please specify" waits for its text and the Next button.
      if (choiceNeedsText(question, value)) {
        set({ answers: merged, problem: null });
        return;
      }
      const problem = checkAnswer(question, merged)[0];
      if (problem) {
        set({ answers: merged, problem });
        return;
      }
      set({ problem: null });
      const [saved] = await Promise.all([commit({ [name]: value }), delay(CONFIRM_MS)]);
      if (saved) await advance(name, visitNo);
    },

    submit: async (values) => {
      const { survey, answers, current, saving, visitNo } = get();
      const question = survey?.definition.pages
        .flatMap((p) => p.questions)
        .find((q) => q.name === current);
      if (!survey || !question || saving) return;
      const problem = checkAnswer(question, { ...answers, ...values })[0];
      if (problem) {
        set({ problem });
        return;
      }
      set({ problem: null });
      if (await commit(values)) await advance(current, visitNo);
    },

    back: () => {
      const { survey, answers, current, saving } = get();
      if (!survey || saving) return;
      const previous = previousScreen(kioskScreens(survey.definition, answers), current);
      if (previous) set({ current: previous.name, problem: null, saveFailed: false });
    },

    reset: () => {
      const { responseId, phase, defaultLang, visitNo } = get();
      if (responseId && phase === 'question') abandonInBackground(responseId);
      set({
        ...freshVisit(defaultLang),
        visitNo: visitNo + 1,
        resetStartedAt: performance.now(),
        lastResetMs: null,
      });
    },

    resetShown: (at) => {
      const started = get().resetStartedAt;
      if (started !== null)
        set({ resetStartedAt: null, lastResetMs: Math.round((at - started) * 10) / 10 });
    },

    openPin: (open) => set({ pinOpen: open }),

    verifyPin: async (pin) => {
      const lockedUntil = get().pinLockedUntil;
      if (lockedUntil !== null) {
        if (Date.now() < lockedUntil) return 'locked';
        set({ pinLockedUntil: null, pinFailures: 0 });
      }
      try {
        await api.kiosk.verifyPin({ pin });
        set({ pinFailures: 0 });
        return 'ok';
      } catch (error) {
        if (error instanceof ApiCallError && error.error.code === 'WRONG_PIN') {
          const failures = get().pinFailures + 1;
          if (failures >= PIN_TRIES)
            set({ pinFailures: 0, pinLockedUntil: Date.now() + PIN_WAIT_MS });
          else set({ pinFailures: failures });
          return failures >= PIN_TRIES ? 'locked' : 'wrong';
        }
        useAppStore.getState().showError(error);
        return 'failed';
      }
    },
  };
});

/** The thank-you text of the survey, in the visitor's language. */
export function thankYouText(survey: KioskSurvey | null, lang: SurveyLanguage): string {
  return survey ? textIn(survey.definition.thankYou, lang, survey.definition.defaultLanguage) : '';
}

/** Settings → Kiosk mode: a new PIN or new timings; true when saved. */
export async function saveKioskSettings(patch: {
  kioskPin?: string;
  kiosk?: { idleSeconds: number; thanksSeconds: number };
}): Promise<boolean> {
  try {
    const settings = await api.settings.update(patch);
    useAppStore.setState({ settings });
    return true;
  } catch (error) {
    useAppStore.getState().showError(error);
    return false;
  }
}
