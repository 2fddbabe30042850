#!/usr/bin/env node
// The `surveydesk` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
process.env.SURVEYDESK_CLI_ENTRY = '1';
await import('../main/cli/index.ts');
