import type { Migration } from './types';

/** The improvement loop: problems, actions, follow-ups, standards (filled in by main/improvement). */
export const migration007: Migration = {
  version: 7,
  name: 'improvement loop',
  up: () => {},
};
