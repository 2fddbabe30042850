import { migration001 } from './001_core_schema';
import { migration002 } from './002_device_and_audit';
import { migration003 } from './003_fieldwork';
import { migration004 } from './004_response_attributes';
import { migration005 } from './005_sync';
import { migration006 } from './006_sampling';
import { migration007 } from './007_improvement';
import type { Migration } from './types';

/** Every migration, in order; the schema version is the last one's number. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
