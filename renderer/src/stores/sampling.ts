/**
 * The sampling tab's state: the chosen survey and wave, the wave's plan being edited, the
 * sampling design and seed, the plan preview, the stored sample list with its filter and
 * selection, and what the last action reported. All computation happens in main.
 */
import { create } from 'zustand';
import type { Channel, Wave } from '../../../shared/responses';
import type {
  ContactEvent,
  ContactStatus,
  SampleDesignInput,
  SampleListFilter,
  SamplePlan,
  SampleRule,
  SampleView,
  SamplingDefaults,
  SamplingDefaultsPatch,
  StratumAttribute,
  StratumOverride,
  WavePlan,
  WavePlanPatch,
} from '../../../shared/sampling';
import type { SurveySummary } from '../../../shared/surveys';
import { api } from '../api/client';
import { useAppStore } from './app';

/** The design as the form holds it: always-include codes as typed. */
export interface DesignForm {
  strata: StratumAttribute[];
  rule: SampleRule;
  alwaysInclude: string;
  overrides: Record<string, StratumOverride>;
}

export type Notice = { kind: 'saved' } | { kind: 'exported'; path: string; rows: number } | null;

interface SamplingState {
  surveys: SurveySummary[];
  loaded: boolean;
  surveyId: string | null;
  waves: Wave[];
  waveId: string | null;
  wave: WavePlan | null;
  defaults: SamplingDefaults | null;
  design: DesignForm;
  seed: number;
  plan: SamplePlan | null;
  view: SampleView | null;
  filter: SampleListFilter;
  selected: string[];
  busy: boolean;
  notice: Notice;
  /** The member whose history and notes are open. */
  openMember: string | null;
  history: ContactEvent[];
  load: () => Promise<void>;
  chooseSurvey: (surveyId: string) => Promise<void>;
  chooseWave: (waveId: string) => Promise<void>;
  createWave: (name: string) => Promise<void>;
  savePlan: (patch: Omit<WavePlanPatch, 'id'>) => Promise<void>;
  setDesign: (patch: Partial<DesignForm>) => void;
  /** Sets or clears one stratum's own rule and shows the plan again. */
  setOverride: (stratum: string, override: StratumOverride | null) => Promise<void>;
  setSeed: (seed: number) => void;
  newSeed: () => void;
  preview: () => Promise<void>;
  draw: () => Promise<void>;
  refresh: () => Promise<void>;
  setFilter: (patch: Partial<SampleListFilter>) => void;
  toggle: (customerId: string) => void;
  select: (customerIds: string[]) => void;
  /** Records a contact outcome for the selected customers, or for `customerIds` when given. */
  mark: (
    status: Exclude<ContactStatus, 'not_contacted'>,
    options?: { customerIds?: string[]; note?: string },
  ) => Promise<void>;
  saveDefaults: (patch: SamplingDefaultsPatch) => Promise<void>;
  assign: (accountManager: string) => Promise<void>;
  setChannel: (channel: Channel) => Promise<void>;
  exportList: (format: 'xlsx' | 'csv') => Promise<void>;
  openHistory: (customerId: string | null) => Promise<void>;
  saveNotes: (customerId: string, notes: string) => Promise<void>;
}

function report(error: unknown): void {
  useAppStore.getState().showError(error);
}

/** A seed the user can read out and type again: six digits, from the browser's crypto. */
function freshSeed(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return 100_000 + (buffer[0]! % 900_000);
}

export function designInput(form: DesignForm): SampleDesignInput {
  return {
    strata: form.strata,
    rule: form.rule,
    overrides: form.overrides,
    alwaysInclude: [
      ...new Set(
        form.alwaysInclude
          .split(/[\s,，;；]+/)
          .map((code) => code.trim())
          .filter(Boolean),
      ),
    ],
  };
}

export const useSamplingStore = create<SamplingState>((set, get) => {
  /** Runs one API action with the busy flag; errors go to the app's error banner. */
  const act = async (work: () => Promise<void>) => {
    set({ busy: true, notice: null });
    try {
      await work();
    } catch (error) {
      report(error);
    } finally {
      set({ busy: false });
    }
  };
  const applyView = (view: SampleView) => {
    const present = new Set(view.members.map((m) => m.customerId));
    set({ view, wave: view.wave, selected: get().selected.filter((id) => present.has(id)) });
  };

  return {
    surveys: [],
    loaded: false,
    surveyId: null,
    waves: [],
    waveId: null,
    wave: null,
    defaults: null,
    design: { strata: ['type'], rule: { kind: 'domain' }, alwaysInclude: '', overrides: {} },
    seed: freshSeed(),
    plan: null,
    view: null,
    filter: {},
    selected: [],
    busy: false,
    notice: null,
    openMember: null,
    history: [],
    load: async () => {
      try {
        const [surveys, defaults] = await Promise.all([api.surveys.list(), api.sample.defaults()]);
        set({ surveys, defaults, loaded: true });
        const current = get().surveyId;
        if (current && surveys.some((s) => s.id === current)) {
          await get().refresh();
          return;
        }
        if (surveys[0]) await get().chooseSurvey(surveys[0].id);
      } catch (error) {
        set({ loaded: true });
        report(error);
      }
    },
    chooseSurvey: async (surveyId) => {
      set({ surveyId, waves: [], waveId: null, wave: null, view: null, plan: null, selected: [] });
      try {
        const waves = await api.waves.list({ surveyId });
        if (get().surveyId !== surveyId) return;
        set({ waves });
        if (waves[0]) await get().chooseWave(waves[0].id);
      } catch (error) {
        report(error);
      }
    },
    chooseWave: async (waveId) => {
      set({
        waveId,
        wave: null,
        view: null,
        plan: null,
        selected: [],
        filter: {},
        openMember: null,
      });
      try {
        const view = await api.sample.get({ waveId });
        if (get().waveId !== waveId) return;
        applyView(view);
        // A drawn sample shows the design and seed it was drawn with.
        if (view.sample) {
          const d = view.sample.design;
          set({
            seed: view.sample.seed,
            design: {
              strata: d.strata,
              rule: d.rule,
              alwaysInclude: d.alwaysInclude.join('\n'),
              overrides: d.overrides ?? {},
            },
          });
        }
      } catch (error) {
        report(error);
      }
    },
    createWave: (name) =>
      act(async () => {
        const surveyId = get().surveyId;
        if (!surveyId || !name.trim()) return;
        const wave = await api.waves.create({ surveyId, name: name.trim() });
        set({ waves: [wave, ...get().waves] });
        await get().chooseWave(wave.id);
      }),
    savePlan: (patch) =>
      act(async () => {
        const waveId = get().waveId;
        if (!waveId) return;
        const wave = await api.waves.update({ id: waveId, ...patch });
        set({
          wave,
          waves: get().waves.map((w) => (w.id === wave.id ? { ...w, name: wave.name } : w)),
        });
        await get().refresh();
        set({ notice: { kind: 'saved' } });
      }),
    setDesign: (patch) => {
      // Strata keys change with the chosen attributes: their own rules no longer apply.
      const overrides = patch.strata ? {} : get().design.overrides;
      set({ design: { ...get().design, overrides, ...patch }, plan: null });
    },
    setOverride: async (stratum, override) => {
      const overrides = { ...get().design.overrides };
      if (override) overrides[stratum] = override;
      else delete overrides[stratum];
      set({ design: { ...get().design, overrides } });
      await get().preview();
    },
    setSeed: (seed) => set({ seed }),
    newSeed: () => set({ seed: freshSeed() }),
    preview: () =>
      act(async () => {
        const waveId = get().waveId;
        if (!waveId) return;
        set({ plan: await api.sample.plan({ waveId, design: designInput(get().design) }) });
      }),
    draw: () =>
      act(async () => {
        const waveId = get().waveId;
        if (!waveId) return;
        const design = designInput(get().design);
        const plan = await api.sample.plan({ waveId, design });
        const view = await api.sample.draw({ waveId, design, seed: get().seed });
        set({ plan, selected: [] });
        applyView(view);
      }),
    refresh: async () => {
      const waveId = get().waveId;
      if (!waveId) return;
      try {
        const view = await api.sample.get({ waveId });
        if (get().waveId === waveId) applyView(view);
      } catch (error) {
        report(error);
      }
    },
    setFilter: (patch) => set({ filter: { ...get().filter, ...patch } }),
    toggle: (customerId) => {
      const selected = get().selected;
      set({
        selected: selected.includes(customerId)
          ? selected.filter((id) => id !== customerId)
          : [...selected, customerId],
      });
    },
    select: (customerIds) => set({ selected: customerIds }),
    mark: (status, options = {}) =>
      act(async () => {
        const { waveId, selected, openMember } = get();
        const customerIds = options.customerIds ?? selected;
        if (!waveId || customerIds.length === 0) return;
        applyView(
          await api.sample.contact({ waveId, customerIds, status, note: options.note ?? '' }),
        );
        if (!options.customerIds) set({ selected: [] });
        if (openMember && customerIds.includes(openMember)) {
          set({ history: await api.sample.history({ waveId, customerId: openMember }) });
        }
      }),
    saveDefaults: (patch) =>
      act(async () => {
        const defaults = await api.sample.updateDefaults(patch);
        set({ defaults, plan: null });
        await get().refresh();
        set({ notice: { kind: 'saved' } });
      }),
    assign: (accountManager) =>
      act(async () => {
        const { waveId, selected } = get();
        if (!waveId || selected.length === 0) return;
        applyView(
          await api.sample.assign({
            waveId,
            customerIds: selected,
            accountManager: accountManager.trim() || null,
          }),
        );
      }),
    setChannel: (channel) =>
      act(async () => {
        const { waveId, selected } = get();
        if (!waveId || selected.length === 0) return;
        applyView(await api.sample.channel({ waveId, customerIds: selected, channel }));
      }),
    exportList: (format) =>
      act(async () => {
        const { waveId, wave, filter } = get();
        if (!waveId || !wave) return;
        const date = new Date().toISOString().slice(0, 10);
        const base = `${wave.name}-call-list-${date}`.replace(/[/\\:*?"<>|\s]+/g, '_');
        const chosen = await api.dialog.saveFile({
          defaultName: `${base}.${format}`,
          filters: [{ name: format === 'xlsx' ? 'Excel' : 'CSV', extensions: [format] }],
        });
        if (!chosen.path) return;
        const lang = useAppStore.getState().locale;
        const done = await api.sample.export({ waveId, format, lang, path: chosen.path, filter });
        set({ notice: { kind: 'exported', path: done.path, rows: done.rows } });
      }),
    openHistory: async (customerId) => {
      set({ openMember: customerId, history: [] });
      const waveId = get().waveId;
      if (!customerId || !waveId) return;
      try {
        const history = await api.sample.history({ waveId, customerId });
        if (get().openMember === customerId) set({ history });
      } catch (error) {
        report(error);
      }
    },
    saveNotes: (customerId, notes) =>
      act(async () => {
        const waveId = get().waveId;
        if (!waveId) return;
        applyView(await api.sample.notes({ waveId, customerId, notes }));
        set({ notice: { kind: 'saved' } });
      }),
  };
});
