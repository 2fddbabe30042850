import type { Migration } from './types';

/** Waves with targets, stratified samples and contact tracking (filled in by main/sampling). */
export const migration006: Migration = {
  version: 6,
  name: 'waves and sampling',
  up: () => {},
};
