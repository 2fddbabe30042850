/** The survey list and creating or importing surveys. */
import { create } from 'zustand';
import type { TemplateSummary, TemplateId } from '../../../shared/questionnaire/templates';
import type { SurveyLanguage } from '../../../shared/questionnaire/model';
import type { ImportIssue, SurveySummary } from '../../../shared/surveys';
import { api } from '../api/client';
import { useAppStore } from './app';
import { toBase64 } from '../api/base64';

interface SurveysState {
  list: SurveySummary[];
  templates: TemplateSummary[];
  openId: string | null;
  importWarnings: ImportIssue[];
  load: () => Promise<void>;
  create: (template: TemplateId | null, language: SurveyLanguage) => Promise<string | null>;
  importFile: (file: File) => Promise<string | null>;
  open: (id: string | null) => void;
  archive: (id: string) => Promise<void>;
}

export const useSurveysStore = create<SurveysState>((set, get) => ({
  list: [],
  templates: [],
  openId: null,
  importWarnings: [],
  load: async () => {
    try {
      const [list, templates] = await Promise.all([api.surveys.list(), api.surveys.templates()]);
      set({ list, templates });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  create: async (template, language) => {
    try {
      const detail = await api.surveys.create({ template, language });
      await get().load();
      set({ openId: detail.id });
      return detail.id;
    } catch (error) {
      useAppStore.getState().showError(error);
      return null;
    }
  },
  importFile: async (file) => {
    try {
      const result = await api.surveys.importData({
        fileName: file.name,
        dataBase64: toBase64(await file.arrayBuffer()),
      });
      await get().load();
      set({ importWarnings: result.warnings, openId: result.survey.id });
      return result.survey.id;
    } catch (error) {
      useAppStore.getState().showError(error);
      return null;
    }
  },
  open: (id) =>
    set({ openId: id, ...(id === null ? {} : { importWarnings: get().importWarnings }) }),
  archive: async (id) => {
    try {
      await api.surveys.archive({ id });
      await get().load();
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
}));
