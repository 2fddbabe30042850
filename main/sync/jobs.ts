import type { JobStartInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { JobRunContext } from '../jobs/kinds';

export function runPackageExport(_input: JobStartInput, _ctx: JobRunContext): Promise<unknown> {
  return Promise.reject(new AppError('NOT_AVAILABLE', { what: 'exchange packages' }));
}

export function runPackageImport(_input: JobStartInput, _ctx: JobRunContext): Promise<unknown> {
  return Promise.reject(new AppError('NOT_AVAILABLE', { what: 'exchange packages' }));
}
