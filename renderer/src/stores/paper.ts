/**
 * Paper entry: the survey's batches, the card being keyed, and the comparison of two passes.
 * Keys go through the pure machine in screens/fieldwork/paper/keys.ts; its effects become API
 * calls here, queued per card so a card's answers reach main in the order they were keyed
 * while the typist is already on the next card.
 */
import { create } from 'zustand';
import type {
  EntryPass,
  OperatorStats,
  PaperBatch,
  PaperComparison,
  PaperMismatch,
} from '../../../shared/api/paper';
import type { SurveyDefinition, SurveyLanguage } from '../../../shared/questionnaire/model';
import type { AnswerValue } from '../../../shared/questionnaire/runtime';
import { api, ApiCallError } from '../api/client';
import { nextCardNumber } from '../screens/fieldwork/paper/fields';
import {
  initialState,
  press,
  type EntryContext,
  type EntryEffect,
  type EntryEvent,
  type EntryState,
} from '../screens/fieldwork/paper/keys';
import { useAppStore } from './app';

export type PaperView = 'batches' | 'entry' | 'compare';

/** A card that could not be saved, with main's message (already in the user's language). */
export interface CardProblem {
  cardNo: string;
  message: string;
}

interface PaperState {
  surveyId: string | null;
  waveId: string | null;
  definition: SurveyDefinition | null;
  versionNo: number | null;
  batches: PaperBatch[];
  view: PaperView;
  batch: PaperBatch | null;
  pass: EntryPass;
  entry: EntryState | null;
  /** Cards saved in the pass being keyed; first-pass cards, to suggest in the second pass. */
  entered: Set<string>;
  expected: string[];
  /** Cards saved in this sitting, newest first. */
  session: string[];
  problems: CardProblem[];
  stats: { batchId: string; rows: OperatorStats[] } | null;
  comparison: PaperComparison | null;
  /** The questionnaire version of the compared batch (labels of its codes). */
  compareDefinition: SurveyDefinition | null;
  printed: { docxPath: string; pdfPath: string | null } | null;
  load: (input: {
    surveyId: string;
    waveId: string | null;
    definition: SurveyDefinition;
    versionNo: number;
  }) => Promise<void>;
  refresh: () => Promise<void>;
  createBatch: (input: {
    event: string;
    batchDate: string;
    batchNo: string;
    doubleEntry: boolean;
  }) => Promise<boolean>;
  openEntry: (batch: PaperBatch, pass: EntryPass) => Promise<void>;
  /** One key or input event; true when the screen must not let the browser act on the key. */
  key: (event: EntryEvent) => boolean;
  leave: () => void;
  dismissProblem: (cardNo: string) => void;
  closeBatch: (batch: PaperBatch) => Promise<void>;
  loadStats: (batch: PaperBatch) => Promise<void>;
  openCompare: (batch: PaperBatch) => Promise<void>;
  resolve: (mismatch: PaperMismatch, value: AnswerValue) => Promise<void>;
  verify: () => Promise<void>;
  printCard: (lang: SurveyLanguage) => Promise<void>;
}

interface CardQueue {
  responseId: string | null;
  /** Resolves false once a call of this card failed: later calls of the card are skipped. */
  chain: Promise<boolean>;
}

const queues = new Map<string, CardQueue>();
/** Calls still on their way; leaving the entry screen and comparing wait for them. */
const inflight = new Set<Promise<unknown>>();
const track = <T>(promise: Promise<T>): Promise<T> => {
  inflight.add(promise);
  void promise.finally(() => inflight.delete(promise));
  return promise;
};
const settled = () => Promise.all([...inflight]);
const showError = (error: unknown) => useAppStore.getState().showError(error);
const messageOf = (error: unknown) =>
  error instanceof ApiCallError
    ? error.error.message
    : error instanceof Error
      ? error.message
      : String(error);

export const usePaperStore = create<PaperState>((set, get) => {
  function context(): EntryContext {
    const { definition, entered, expected, pass } = get();
    return {
      definition: definition!,
      entered,
      nextCardNo: (after) => nextCardNumber(after, entered, pass === 2 ? expected : []),
    };
  }

  /** Runs one effect after the earlier ones of the same card; a failure stops that card. */
  function run(effect: Exclude<EntryEffect, { type: 'exit' }>): void {
    const { batch, pass } = get();
    if (!batch) return;
    const key = `${batch.id}:${pass}:${effect.cardNo}`;
    const fail = (error: unknown) => {
      const problem = { cardNo: effect.cardNo, message: messageOf(error) };
      const entered = new Set(get().entered);
      entered.delete(effect.cardNo);
      set({
        problems: [problem, ...get().problems.filter((p) => p.cardNo !== effect.cardNo)],
        entered,
      });
      return false;
    };
    if (effect.type === 'start') {
      const queue: CardQueue = { responseId: null, chain: Promise.resolve(true) };
      queue.chain = track(
        api.paper
          .startCard({ batchId: batch.id, pass, cardNo: effect.cardNo, consent: effect.consent })
          .then((r) => {
            queue.responseId = r.responseId;
            set({ problems: get().problems.filter((p) => p.cardNo !== effect.cardNo) });
            return true;
          }, fail),
      );
      queues.set(key, queue);
      return;
    }
    const queue = queues.get(key);
    if (!queue) return;
    queue.chain = track(
      queue.chain.then(async (ok) => {
        if (!ok) return false;
        try {
          if (effect.type === 'answer') {
            const { variable, value } = effect;
            if (pass === 1) await api.responses.answer({ id: queue.responseId!, variable, value });
            else
              await api.paper.secondAnswer({
                batchId: batch.id,
                cardNo: effect.cardNo,
                variable,
                value,
              });
            return true;
          }
          await api.paper.finishCard({
            batchId: batch.id,
            pass,
            cardNo: effect.cardNo,
            stats: effect.stats,
          });
          queues.delete(key);
          void get().refresh();
          return true;
        } catch (error) {
          return fail(error);
        }
      }),
    );
  }

  return {
    surveyId: null,
    waveId: null,
    definition: null,
    versionNo: null,
    batches: [],
    view: 'batches',
    batch: null,
    pass: 1,
    entry: null,
    entered: new Set(),
    expected: [],
    session: [],
    problems: [],
    stats: null,
    comparison: null,
    compareDefinition: null,
    printed: null,
    load: async ({ surveyId, waveId, definition, versionNo }) => {
      set({
        surveyId,
        waveId,
        definition,
        versionNo,
        view: 'batches',
        entry: null,
        comparison: null,
        stats: null,
        printed: null,
      });
      await get().refresh();
    },
    refresh: async () => {
      const { surveyId, batch } = get();
      if (!surveyId) return;
      try {
        const batches = await api.paper.batches({ surveyId });
        set({ batches, batch: batch ? (batches.find((b) => b.id === batch.id) ?? batch) : null });
      } catch (error) {
        showError(error);
      }
    },
    createBatch: async (input) => {
      const { surveyId, waveId } = get();
      if (!surveyId) return false;
      try {
        await api.paper.createBatch({ surveyId, waveId, ...input });
        await get().refresh();
        return true;
      } catch (error) {
        showError(error);
        return false;
      }
    },
    openEntry: async (batch, pass) => {
      try {
        const { cards } = await api.paper.batch({ id: batch.id });
        const done = (p: EntryPass) =>
          cards.filter((c) => c.pass === p && c.finished).map((c) => c.cardNo);
        const entered = new Set(done(pass));
        const expected = done(1);
        const first = nextCardNumber(
          pass === 2 ? '' : (done(pass).at(-1) ?? ''),
          entered,
          pass === 2 ? expected : [],
        );
        set({
          view: 'entry',
          batch,
          pass,
          entered,
          expected,
          session: [],
          problems: [],
          entry: initialState(first),
        });
      } catch (error) {
        showError(error);
      }
    },
    key: (event) => {
      const { entry } = get();
      if (!entry || !get().definition) return false;
      const step = press(entry, event, context());
      const saved = step.effects.find((e) => e.type === 'save');
      set({
        entry: step.state,
        ...(saved
          ? {
              entered: new Set(get().entered).add(saved.cardNo),
              session: [saved.cardNo, ...get().session],
            }
          : {}),
      });
      for (const effect of step.effects) {
        if (effect.type === 'exit') get().leave();
        else run(effect);
      }
      return step.handled;
    },
    leave: () => {
      set({ view: 'batches', entry: null });
      void settled().then(() => get().refresh());
    },
    dismissProblem: (cardNo) =>
      set({ problems: get().problems.filter((p) => p.cardNo !== cardNo) }),
    closeBatch: async (batch) => {
      try {
        await api.paper.closeBatch({ id: batch.id });
        await get().refresh();
      } catch (error) {
        showError(error);
      }
    },
    loadStats: async (batch) => {
      try {
        set({ stats: { batchId: batch.id, rows: await api.paper.stats({ id: batch.id }) } });
      } catch (error) {
        showError(error);
      }
    },
    openCompare: async (batch) => {
      try {
        await settled();
        const { surveyId, versionNo, definition } = get();
        const [comparison, compareDefinition] = await Promise.all([
          api.paper.compare({ id: batch.id }),
          batch.versionNo === versionNo
            ? Promise.resolve(definition)
            : api.surveys.getVersion({ id: surveyId!, versionNo: batch.versionNo }),
        ]);
        set({ view: 'compare', batch, comparison, compareDefinition });
      } catch (error) {
        showError(error);
      }
    },
    resolve: async (mismatch, value) => {
      const { batch } = get();
      if (!batch) return;
      try {
        const comparison = await api.paper.resolve({
          batchId: batch.id,
          cardNo: mismatch.cardNo,
          variable: mismatch.variable,
          value,
        });
        set({ comparison });
      } catch (error) {
        showError(error);
      }
    },
    verify: async () => {
      const { batch } = get();
      if (!batch) return;
      try {
        const verified = await api.paper.verify({ id: batch.id });
        set({ batch: verified, comparison: await api.paper.compare({ id: batch.id }) });
        await get().refresh();
      } catch (error) {
        showError(error);
      }
    },
    printCard: async (lang) => {
      const { surveyId } = get();
      if (!surveyId) return;
      try {
        const { path } = await api.dialog.saveFile({
          defaultName: `paper-card-${lang}.docx`,
          filters: [{ name: 'Word', extensions: ['docx'] }],
        });
        if (!path) return;
        set({ printed: await api.paper.printCard({ surveyId, lang, path }) });
      } catch (error) {
        showError(error);
      }
    },
  };
});
