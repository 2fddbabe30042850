/** Long jobs started from this window, kept current by `job` events from main. */
import { create } from 'zustand';
import type { BackupInfo, JobStartInput, JobState } from '../../../shared/contract';
import { api } from '../api/client';
import { useAppStore } from './app';

interface JobsState {
  jobs: Record<string, JobState>;
  backups: BackupInfo[];
  start: (input: JobStartInput) => Promise<void>;
  cancel: (id: string) => Promise<void>;
  loadJobs: () => Promise<void>;
  loadBackups: () => Promise<void>;
}

export const useJobsStore = create<JobsState>((set) => ({
  jobs: {},
  backups: [],
  start: async (input) => {
    try {
      const job = await api.jobs.start(input);
      set((state) => ({ jobs: { ...state.jobs, [job.id]: state.jobs[job.id] ?? job } }));
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  cancel: async (id) => {
    try {
      await api.jobs.cancel({ id });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  loadJobs: async () => {
    try {
      const list = await api.jobs.list();
      set({ jobs: Object.fromEntries(list.map((job) => [job.id, job])) });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
  loadBackups: async () => {
    try {
      set({ backups: await api.backups.list() });
    } catch (error) {
      useAppStore.getState().showError(error);
    }
  },
}));

api.onEvent((event) => {
  if (event.type !== 'job') return;
  useJobsStore.setState((state) => ({ jobs: { ...state.jobs, [event.job.id]: event.job } }));
  if (event.job.kind === 'db.backup' && event.job.status === 'done') {
    void useJobsStore.getState().loadBackups();
    void useAppStore.getState().refreshInfo();
  }
});

export function sortedJobs(jobs: Record<string, JobState>): JobState[] {
  return Object.values(jobs).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
