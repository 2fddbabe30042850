import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_MAX_BYTES } from '../../shared/api/sync';
import { AppError } from '../../shared/errors';
import type { PackageSource } from '../../shared/sync';

/** The bytes and a display name of a package or key file given by path or as base64. */
export function readSource(source: PackageSource): { bytes: Buffer; fileName: string } {
  if ('path' in source) {
    let size: number;
    try {
      size = fs.statSync(source.path).size;
    } catch {
      throw new AppError('NOT_FOUND', { what: source.path });
    }
    if (size > PACKAGE_MAX_BYTES)
      throw new AppError('PACKAGE_TOO_LARGE', { max: Math.round(PACKAGE_MAX_BYTES / 1024 / 1024) });
    return { bytes: fs.readFileSync(source.path), fileName: path.basename(source.path) };
  }
  return { bytes: Buffer.from(source.dataBase64, 'base64'), fileName: source.fileName };
}
