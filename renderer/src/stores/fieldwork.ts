/** Field work: which survey and wave staff are collecting for, and which mode is open. */
import { create } from 'zustand';
import type { SurveyDefinition } from '../../../shared/questionnaire/model';
import type { ResponseSummary, Wave } from '../../../shared/responses';
import type { SurveySummary } from '../../../shared/surveys';
import { api } from '../api/client';
import { useAppStore } from './app';

export type FieldMode = 'interview' | 'kiosk' | 'paper';

interface FieldworkState {
  surveys: SurveySummary[];
  surveyId: string | null;
  waves: Wave[];
  waveId: string | null;
  definition: SurveyDefinition | null;
  versionNo: number | null;
  resumable: ResponseSummary[];
  mode: FieldMode | null;
  /** An interview to resume when the interview mode opens. */
  resumeId: string | null;
  load: () => Promise<void>;
  chooseSurvey: (id: string | null) => Promise<void>;
  chooseWave: (id: string | null) => void;
  createWave: (name: string) => Promise<void>;
  open: (mode: FieldMode | null, resumeId?: string | null) => void;
  refreshResumable: () => Promise<void>;
}

export const useFieldworkStore = create<FieldworkState>((set, get) => ({
  surveys: [],
  surveyId: null,
  waves: [],
  waveId: null,
  definition: null,
  versionNo: null,
  resumable: [],
  mode: null,
  resumeId: null,
  load: async () => {
    try {
      const [all, resumable] = await Promise.all([api.surveys.list(), api.responses.resumable()]);
      const surveys = all.filter((s) => s.publishedVersion !== null);
      set({ surveys, resumable });
      const current = get().surveyId;
      if (!current || !surveys.some((s) => s.id === current)) await get().chooseSurvey(surveys[0]?.id ?? null);
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  chooseSurvey: async (id) => {
    if (!id) {
      set({ surveyId: null, waves: [], waveId: null, definition: null, versionNo: null });
      return;
    }
    try {
      const [published, waves] = await Promise.all([api.responses.questionnaire({ id }), api.waves.list({ surveyId: id })]);
      set({ surveyId: id, waves, waveId: waves[0]?.id ?? null, definition: published.definition, versionNo: published.versionNo });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  chooseWave: (id) => set({ waveId: id }),
  createWave: async (name) => {
    const surveyId = get().surveyId;
    if (!surveyId) return;
    try {
      const wave = await api.waves.create({ surveyId, name });
      set({ waves: [wave, ...get().waves], waveId: wave.id });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  open: (mode, resumeId = null) => set({ mode, resumeId }),
  refreshResumable: async () => {
    try {
      set({ resumable: await api.responses.resumable() });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
}));
