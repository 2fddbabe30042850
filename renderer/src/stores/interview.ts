/**
 * One account-manager interview: customer, consent, answers page by page, notes, finish.
 * Every answer is committed by main as it is given (typed ones after a short pause), in order,
 * through one save queue; leaving, finishing or switching interviews flushes it first.
 */
import { create } from 'zustand';
import type { SurveyDefinition, SurveyLanguage } from '../../../shared/questionnaire/model';
import type { AnswerValue, Answers } from '../../../shared/questionnaire/runtime';
import type {
  CONSENT_METHODS,
  CustomerInput,
  CustomerSummary,
  ResponseRecord,
} from '../../../shared/responses';
import { api, ApiCallError } from '../api/client';
import { firstPageWith, isTyped } from '../screens/fieldwork/interview/pages';
import { SaveQueue, type SaveStatus } from '../screens/fieldwork/interview/saveQueue';
import { useAppStore } from './app';

export type InterviewStep = 'loading' | 'customer' | 'consent' | 'questions' | 'done';
export type ConsentMethod = Exclude<(typeof CONSENT_METHODS)[number], 'paper'>;

/** How long a typed answer or the notes wait for the next keystroke before they are committed. */
export const TYPING_PAUSE_MS = 400;
export const NOTES_PAUSE_MS = 500;

export interface InterviewSetup {
  surveyId: string;
  waveId: string | null;
  definition: SurveyDefinition;
  versionNo: number;
}

interface InterviewState {
  step: InterviewStep;
  setup: InterviewSetup | null;
  /** The questionnaire of this response (a resumed one may be on an older version). */
  definition: SurveyDefinition | null;
  versionNo: number | null;
  lang: SurveyLanguage;
  customer: CustomerSummary | null;
  /** Shown when the response has a customer but no summary was picked (resumed interviews). */
  customerName: string | null;
  responseId: string | null;
  answers: Answers;
  /** Index of the current page in the definition. */
  pageNo: number;
  /** Show the problems of the current page (after Next was refused or the finish failed). */
  showProblems: boolean;
  notes: string;
  save: SaveStatus;
  result: ResponseRecord | null;
  customers: CustomerSummary[];
  customerQuery: string;

  /** Opens interview mode: a new interview, `resumeId`, or the one still open from before. */
  open: (setup: InterviewSetup, resumeId: string | null) => Promise<void>;
  /** Leaves interview mode for the hub: sends what is waiting, then forgets the interview. */
  close: () => Promise<boolean>;
  searchCustomers: (query: string) => Promise<void>;
  chooseCustomer: (customer: CustomerSummary | null) => void;
  addCustomer: (input: Partial<CustomerInput> & { name: string }) => Promise<boolean>;
  backToCustomer: () => void;
  setLang: (lang: SurveyLanguage) => void;
  start: (method: ConsentMethod | null) => Promise<void>;
  answer: (variable: string, value: AnswerValue) => void;
  goTo: (pageNo: number) => void;
  setShowProblems: (show: boolean) => void;
  setNotes: (notes: string) => void;
  flush: () => Promise<boolean>;
  retry: () => Promise<boolean>;
  finish: () => Promise<void>;
  breakOff: () => Promise<void>;
  nextInterview: () => void;
}

const NO_SAVES: SaveStatus = { pending: 0, savedAt: null, failed: [] };

function showError(error: unknown): void {
  useAppStore.getState().showError(error);
}

export const useInterviewStore = create<InterviewState>((set, get) => {
  let queue = newQueue();
  /** Stale customer searches (typed over) must not overwrite newer results. */
  let searchNo = 0;
  /** A resume still loading when another interview opens (or the mode closes) is dropped. */
  let openNo = 0;
  /** Finish pressed twice (or Alt+→ held) must not complete twice. */
  let finishing = false;

  /** A queue for one response; only the current one reports to the screen. */
  function newQueue(): SaveQueue {
    const made: SaveQueue = new SaveQueue((save) => {
      if (made === queue) set({ save });
    }, showError);
    return made;
  }

  /** Leaves the current response: its waiting writes still go out (they carry their values). */
  function closeCurrent(): Promise<boolean> {
    const old = queue;
    queue = newQueue();
    return old.flush();
  }

  const fresh = (setup: InterviewSetup) => ({
    setup,
    definition: setup.definition,
    versionNo: setup.versionNo,
    lang: setup.definition.defaultLanguage,
    customer: null,
    customerName: null,
    responseId: null,
    answers: {},
    pageNo: 0,
    showProblems: false,
    notes: '',
    save: NO_SAVES,
    result: null,
  });

  return {
    step: 'loading',
    setup: null,
    definition: null,
    versionNo: null,
    lang: 'zh-CN',
    customer: null,
    customerName: null,
    responseId: null,
    answers: {},
    pageNo: 0,
    showProblems: false,
    notes: '',
    save: NO_SAVES,
    result: null,
    customers: [],
    customerQuery: '',

    open: async (setup, resumeId) => {
      // Back from another screen in the sidebar: the interview under way simply continues.
      const { responseId, step, setup: before } = get();
      const underWay =
        responseId !== null && step === 'questions' && before?.surveyId === setup.surveyId;
      if (underWay && (resumeId === null || resumeId === responseId)) return;
      const no = ++openNo;
      void closeCurrent();
      set({ ...fresh(setup), step: resumeId ? 'loading' : 'customer' });
      if (!resumeId) return;
      try {
        const record = await api.responses.get({ id: resumeId });
        const definition =
          record.versionNo === setup.versionNo
            ? setup.definition
            : await api.surveys.getVersion({ id: record.surveyId, versionNo: record.versionNo });
        if (no !== openNo) return;
        set({
          definition,
          versionNo: record.versionNo,
          lang: definition.defaultLanguage,
          customerName: record.customerName,
          responseId: record.id,
          answers: record.answers,
          pageNo: record.position?.page ?? 0,
          notes: record.notes,
          step: record.status === 'in_progress' ? 'questions' : 'done',
          result: record.status === 'in_progress' ? null : record,
        });
      } catch (error) {
        showError(error);
        if (no === openNo) set({ step: 'customer' });
      }
    },

    close: async () => {
      openNo += 1;
      const saved = await queue.flush();
      if (saved) set({ responseId: null, step: 'loading', result: null });
      return saved;
    },

    searchCustomers: async (query) => {
      const no = ++searchNo;
      set({ customerQuery: query });
      try {
        const customers = await api.customers.search({ query: query.trim(), limit: 20 });
        if (no === searchNo) set({ customers });
      } catch (error) {
        showError(error);
      }
    },

    chooseCustomer: (customer) =>
      set({ customer, customerName: customer?.name ?? null, step: 'consent' }),

    addCustomer: async (input) => {
      try {
        const customer = await api.customers.create({
          code: null,
          type: null,
          stage: null,
          region: null,
          industry: null,
          size: null,
          contact: null,
          phone: null,
          email: null,
          accountManager: null,
          ...input,
        });
        get().chooseCustomer(customer);
        return true;
      } catch (error) {
        showError(error);
        return false;
      }
    },

    backToCustomer: () => set({ step: 'customer' }),

    setLang: (lang) => set({ lang }),

    start: async (method) => {
      const { setup, customer, versionNo } = get();
      if (!setup || versionNo === null) return;
      try {
        const record = await api.responses.start({
          surveyId: setup.surveyId,
          waveId: setup.waveId,
          customerId: customer?.id ?? null,
          channel: 'interview',
          consent: method
            ? { given: true, method, versionNo, givenAt: new Date().toISOString() }
            : null,
        });
        set({
          responseId: record.id,
          answers: record.answers,
          pageNo: 0,
          notes: '',
          step: 'questions',
        });
      } catch (error) {
        showError(error);
      }
    },

    answer: (variable, raw) => {
      const { responseId: id, definition } = get();
      if (!id || !definition) return;
      // A number field being cleared or half-typed gives NaN: that is "no answer yet".
      const value = typeof raw === 'number' && !Number.isFinite(raw) ? null : raw;
      set({ answers: { ...get().answers, [variable]: value } });
      // The write carries its value: a newer one for the same variable replaces it while waiting.
      const position = { page: get().pageNo };
      const write = () => api.responses.answer({ id, variable, value, position });
      if (isTyped(definition, variable)) queue.later(variable, TYPING_PAUSE_MS, write);
      else void queue.now(variable, write);
    },

    goTo: (pageNo) => {
      const id = get().responseId;
      set({ pageNo, showProblems: false });
      if (!id) return;
      // Typed answers of the page being left go out now, then the new place.
      void queue.flush();
      void queue.now('position', () => api.responses.position({ id, position: { page: pageNo } }));
    },

    setShowProblems: (showProblems) => set({ showProblems }),

    setNotes: (notes) => {
      const id = get().responseId;
      set({ notes });
      if (id) queue.later('notes', NOTES_PAUSE_MS, () => api.responses.notes({ id, notes }));
    },

    flush: () => queue.flush(),
    retry: () => queue.retry(),

    finish: async () => {
      const { responseId: id } = get();
      if (!id || finishing) return;
      finishing = true;
      try {
        if (!(await queue.flush())) return;
        const result = await api.responses.complete({ id });
        set({ result, step: 'done' });
      } catch (error) {
        const { definition, answers } = get();
        if (
          error instanceof ApiCallError &&
          error.error.code === 'ANSWERS_INCOMPLETE' &&
          definition
        ) {
          const names = (error.error.issues ?? []).map((issue) => issue.path);
          const pageNo = firstPageWith(definition, answers, names);
          if (pageNo !== null) {
            get().goTo(pageNo);
            set({ showProblems: true });
            return;
          }
        }
        showError(error);
      } finally {
        finishing = false;
      }
    },

    breakOff: async () => {
      const { responseId: id } = get();
      if (!id || !(await queue.flush())) return;
      try {
        set({ result: await api.responses.abandon({ id }), step: 'done' });
      } catch (error) {
        showError(error);
      }
    },

    nextInterview: () => {
      const { setup } = get();
      if (setup) void get().open(setup, null);
    },
  };
});
