/**
 * The Improvement screen's state: the survey and wave in view, the dashboard, suggested problems
 * of the wave's analysis, problems, actions, follow-ups and standards, and the calls that change them.
 */
import { create } from 'zustand';
import type { JobStartInput, JobState, MethodInput } from '../../../shared/contract';
import type {
  Action,
  Dashboard,
  FollowUp,
  ImprovementSettings,
  Problem,
  ProblemSuggestion,
  Standard,
  Verification,
} from '../../../shared/improvement';
import type { LocalizedText } from '../../../shared/questionnaire/model';
import type { Wave } from '../../../shared/responses';
import type { SurveySummary } from '../../../shared/surveys';
import { api } from '../api/client';
import { useAppStore } from './app';

/** A metric the survey offers for targets: the index, NPS, each dimension and each scale item. */
export interface MetricOption {
  key: string;
  kind: 'index' | 'dimension' | 'item' | 'nps' | 'top2';
  ref: string | null;
  label: LocalizedText | null;
}

interface ImprovementState {
  surveys: SurveySummary[];
  surveysLoaded: boolean;
  surveyId: string | null;
  waves: Wave[];
  waveId: string | null;
  metrics: MetricOption[];
  settings: ImprovementSettings | null;
  dashboard: Dashboard | null;
  suggestions: ProblemSuggestion[] | null;
  suggesting: boolean;
  problems: Problem[];
  actions: Action[];
  followUps: FollowUp[];
  standards: Standard[];
  evaluating: boolean;
  lastEvaluation: { waveId: string; verifications: Verification[]; standards: number } | null;
  /** The problem whose new-action form is open. */
  actionFor: string | null;
  load: () => Promise<void>;
  chooseSurvey: (surveyId: string) => Promise<void>;
  chooseWave: (waveId: string) => void;
  refresh: () => Promise<void>;
  suggest: () => Promise<void>;
  createProblem: (input: MethodInput<'improvement.createProblem'>) => Promise<Problem | null>;
  createFromSuggestion: (suggestion: ProblemSuggestion) => Promise<void>;
  updateProblem: (input: MethodInput<'improvement.updateProblem'>) => Promise<void>;
  deleteProblem: (id: string) => Promise<void>;
  deleteAction: (id: string) => Promise<void>;
  updateAction: (input: MethodInput<'improvement.updateAction'>) => Promise<boolean>;
  openActionForm: (problemId: string | null) => void;
  createAction: (input: MethodInput<'improvement.createAction'>) => Promise<boolean>;
  setActionStatus: (input: MethodInput<'improvement.setActionStatus'>) => Promise<void>;
  addProgress: (input: MethodInput<'improvement.addProgress'>) => Promise<void>;
  replan: (input: MethodInput<'improvement.replan'>) => Promise<boolean>;
  evaluate: () => Promise<void>;
  scanFollowUps: () => Promise<number | null>;
  createFollowUp: (input: MethodInput<'improvement.createFollowUp'>) => Promise<boolean>;
  advanceFollowUp: (input: MethodInput<'improvement.advanceFollowUp'>) => Promise<void>;
  saveStandard: (input: MethodInput<'improvement.saveStandard'>) => Promise<boolean>;
  deleteStandard: (id: string) => Promise<void>;
  updateSettings: (patch: MethodInput<'improvement.updateSettings'>) => Promise<void>;
}

function report(error: unknown): void {
  useAppStore.getState().showError(error);
}

/** Runs a call, reports a failure on the error banner and answers null instead of throwing. */
async function attempt<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    report(error);
    return null;
  }
}

/** Waves in field-work order (by start date, else creation), the latest last. */
function inFieldworkOrder(waves: Wave[]): Wave[] {
  const key = (w: Wave) => w.startsOn ?? w.createdAt;
  return [...waves].sort(
    (a, b) => key(a).localeCompare(key(b)) || a.createdAt.localeCompare(b.createdAt),
  );
}

/**
 * The latest wave with responses that came after some actions' baseline wave and has not verified
 * them yet: "verify with this wave" has something to do.
 */
export function pendingVerification(
  waves: Wave[],
  actions: Action[],
): { wave: Wave; count: number } | null {
  const position = new Map(waves.map((w, i) => [w.id, i]));
  for (const wave of [...waves].reverse()) {
    if (wave.responseCount === 0) continue;
    const at = position.get(wave.id)!;
    const count = actions.filter((a) => {
      const base = a.baselineWaveId === null ? undefined : position.get(a.baselineWaveId);
      return base !== undefined && base < at && !a.verifications.some((v) => v.waveId === wave.id);
    }).length;
    if (count > 0) return { wave, count };
  }
  return null;
}

type ImprovementJob = Extract<
  JobStartInput,
  { kind: 'improvement.suggest' | 'improvement.evaluate' }
>;

// Job events can arrive before `jobs.start` answers: the last state of recent improvement jobs,
// and the calls waiting for a job to finish.
const finished = new Map<string, JobState>();
const waiting = new Map<string, (job: JobState) => void>();
api.onEvent((event) => {
  if (
    event.type !== 'job' ||
    !event.job.kind.startsWith('improvement.') ||
    event.job.status === 'running'
  )
    return;
  finished.set(event.job.id, event.job);
  if (finished.size > 10) finished.delete(finished.keys().next().value!);
  waiting.get(event.job.id)?.(event.job);
});

/** Starts an improvement job (it analyses a wave in a worker) and answers its result, or throws its error. */
async function runJob<T>(input: ImprovementJob): Promise<T> {
  const started = await api.jobs.start(input);
  const job =
    started.status !== 'running'
      ? started
      : (finished.get(started.id) ??
        (await new Promise<JobState>((resolve) => {
          waiting.set(started.id, resolve);
        })));
  waiting.delete(started.id);
  if (job.status !== 'done') throw new Error(job.error?.message ?? job.status);
  return job.result as T;
}

export const useImprovementStore = create<ImprovementState>((set, get) => ({
  surveys: [],
  surveysLoaded: false,
  surveyId: null,
  waves: [],
  waveId: null,
  metrics: [],
  settings: null,
  dashboard: null,
  suggestions: null,
  suggesting: false,
  problems: [],
  actions: [],
  followUps: [],
  standards: [],
  evaluating: false,
  lastEvaluation: null,
  actionFor: null,
  load: async () => {
    const all = await attempt(() => api.surveys.list());
    const surveys = (all ?? []).filter((s) => s.publishedVersion !== null);
    set({ surveys, surveysLoaded: true });
    const current = get().surveyId;
    if (current && surveys.some((s) => s.id === current)) {
      await get().chooseSurvey(current);
      return;
    }
    if (surveys[0]) await get().chooseSurvey(surveys[0].id);
    // Without a survey the dashboard still shows follow-ups and standards across surveys.
    else await get().refresh();
  },
  chooseSurvey: async (surveyId) => {
    const changed = surveyId !== get().surveyId;
    if (changed)
      set({
        surveyId,
        waves: [],
        waveId: null,
        suggestions: null,
        metrics: [],
        lastEvaluation: null,
      });
    const [waves, detail] = await Promise.all([
      attempt(() => api.waves.list({ surveyId })),
      attempt(() => api.surveys.get({ id: surveyId })),
    ]);
    if (get().surveyId !== surveyId) return;
    const list = inFieldworkOrder(waves ?? []);
    const keep = list.some((w) => w.id === get().waveId) ? get().waveId : (list.at(-1)?.id ?? null);
    const metrics: MetricOption[] = [{ key: 'index', kind: 'index', ref: null, label: null }];
    if (detail) {
      for (const d of detail.definition.dimensions) {
        metrics.push({ key: `dimension:${d.id}`, kind: 'dimension', ref: d.id, label: d.name });
        metrics.push({ key: `top2:${d.id}`, kind: 'top2', ref: d.id, label: d.name });
      }
      for (const page of detail.definition.pages)
        for (const q of page.questions) {
          if (q.type === 'likert')
            metrics.push({ key: `item:${q.name}`, kind: 'item', ref: q.name, label: q.label });
          if (q.type === 'matrix')
            for (const item of q.items)
              metrics.push({
                key: `item:${item.name}`,
                kind: 'item',
                ref: item.name,
                label: item.label,
              });
          if (q.type === 'nps') metrics.push({ key: 'nps', kind: 'nps', ref: null, label: null });
        }
    }
    set({ waves: list, waveId: keep, metrics });
    await get().refresh();
  },
  chooseWave: (waveId) => set({ waveId, suggestions: null }),
  refresh: async () => {
    const surveyId = get().surveyId ?? undefined;
    const [waves, settings, dashboard, problems, actions, followUps, standards] = await Promise.all(
      [
        // Response counts per wave move as field work goes on.
        surveyId ? attempt(() => api.waves.list({ surveyId })) : Promise.resolve(null),
        attempt(() => api.improvement.settings()),
        attempt(() => api.improvement.dashboard({ surveyId })),
        attempt(() => api.improvement.problems({ surveyId })),
        attempt(() => api.improvement.actions({ surveyId })),
        attempt(() => api.improvement.followUps({ surveyId })),
        attempt(() => api.improvement.standards()),
      ],
    );
    set({
      ...(waves && get().surveyId === surveyId ? { waves: inFieldworkOrder(waves) } : {}),
      settings: settings ?? get().settings,
      dashboard: dashboard ?? get().dashboard,
      problems: problems ?? get().problems,
      actions: actions ?? get().actions,
      followUps: followUps ?? get().followUps,
      standards: standards ?? get().standards,
    });
  },
  suggest: async () => {
    const { surveyId, waveId } = get();
    if (!surveyId || !waveId) return;
    set({ suggesting: true });
    const suggestions = await attempt(() =>
      runJob<ProblemSuggestion[]>({ kind: 'improvement.suggest', surveyId, waveId }),
    );
    set({ suggesting: false, suggestions: suggestions ?? get().suggestions });
  },
  createProblem: async (input) => {
    const problem = await attempt(() => api.improvement.createProblem(input));
    if (problem) await get().refresh();
    return problem;
  },
  createFromSuggestion: async (s) => {
    const { surveyId, waveId } = get();
    if (!surveyId || !waveId) return;
    const lang = useAppStore.getState().locale;
    const problem = await get().createProblem({
      surveyId,
      waveId,
      source: s.source,
      sourceRef: s.sourceRef,
      title: s.title[lang] ?? s.title['zh-CN'] ?? s.title.en ?? s.sourceRef,
      description: s.detail.quotes?.join('\n') ?? '',
      frequency: Math.min(100, s.frequency),
      churnRisk: s.churnRisk,
      wordOfMouth: s.wordOfMouth,
      metric: s.metric,
      baseline: s.baseline,
      responseIds: s.detail.responseIds ?? [],
    });
    if (problem) {
      set({
        suggestions: (get().suggestions ?? []).map((x) =>
          x.sourceRef === s.sourceRef ? { ...x, problemId: problem.id } : x,
        ),
        actionFor: problem.id,
      });
    }
  },
  updateProblem: async (input) => {
    if (await attempt(() => api.improvement.updateProblem(input))) await get().refresh();
  },
  deleteProblem: async (id) => {
    if (await attempt(() => api.improvement.deleteProblem({ id }))) {
      set({
        suggestions: (get().suggestions ?? []).map((s) =>
          s.problemId === id ? { ...s, problemId: null } : s,
        ),
      });
      await get().refresh();
    }
  },
  updateAction: async (input) => {
    const updated = await attempt(() => api.improvement.updateAction(input));
    if (updated) await get().refresh();
    return updated !== null;
  },
  deleteAction: async (id) => {
    if (await attempt(() => api.improvement.deleteAction({ id }))) await get().refresh();
  },
  openActionForm: (problemId) => set({ actionFor: problemId }),
  createAction: async (input) => {
    const action = await attempt(() => api.improvement.createAction(input));
    if (!action) return false;
    set({ actionFor: null });
    await get().refresh();
    return true;
  },
  setActionStatus: async (input) => {
    if (await attempt(() => api.improvement.setActionStatus(input))) await get().refresh();
  },
  addProgress: async (input) => {
    if (await attempt(() => api.improvement.addProgress(input))) await get().refresh();
  },
  replan: async (input) => {
    const done = await attempt(() => api.improvement.replan(input));
    if (done) await get().refresh();
    return done !== null;
  },
  evaluate: async () => {
    const { surveyId, waveId } = get();
    if (!surveyId || !waveId) return;
    set({ evaluating: true });
    const result = await attempt(() =>
      runJob<{ verifications: Verification[]; standards: number }>({
        kind: 'improvement.evaluate',
        surveyId,
        waveId,
      }),
    );
    set({ evaluating: false, ...(result ? { lastEvaluation: { waveId, ...result } } : {}) });
    await get().refresh();
  },
  scanFollowUps: async () => {
    const { surveyId, waveId } = get();
    if (!surveyId || !waveId) return null;
    const result = await attempt(() => api.improvement.scanFollowUps({ surveyId, waveId }));
    await get().refresh();
    return result?.created ?? null;
  },
  createFollowUp: async (input) => {
    const created = await attempt(() => api.improvement.createFollowUp(input));
    if (created) await get().refresh();
    return created !== null;
  },
  advanceFollowUp: async (input) => {
    if (await attempt(() => api.improvement.advanceFollowUp(input))) await get().refresh();
  },
  saveStandard: async (input) => {
    const saved = await attempt(() => api.improvement.saveStandard(input));
    if (saved) await get().refresh();
    return saved !== null;
  },
  deleteStandard: async (id) => {
    if (await attempt(() => api.improvement.deleteStandard({ id }))) await get().refresh();
  },
  updateSettings: async (patch) => {
    const settings = await attempt(() => api.improvement.updateSettings(patch));
    if (settings) await get().refresh();
  },
}));
