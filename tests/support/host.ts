/** Starts the real services and the browser host on a fresh temporary database. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { startHost, type RunningHost } from '../../main/host/server';
import { hostPlatform } from '../../main/host/platform';
import { dataPathsFor } from '../../main/services/paths';
import { startServices, type RunningServices } from '../../main/services/start';
import { rendererConfig } from '../../vite.renderer.config';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';

/**
 * SURVEYDESK_TEST_RENDERER_DIR lets parallel work in one checkout build into separate folders;
 * CI and `npm test` use out/renderer.
 */
export const RENDERER_DIR =
  process.env.SURVEYDESK_TEST_RENDERER_DIR ??
  path.resolve(import.meta.dirname, '../../out/renderer');

/** Builds the renderer into out/renderer (about a second); vitest's global setup calls it once. */
export async function buildRenderer(): Promise<void> {
  await build({
    ...rendererConfig,
    build: { ...rendererConfig.build, outDir: RENDERER_DIR },
    mode: 'production',
    logLevel: 'warn',
  });
}

export interface TestHost {
  host: RunningHost;
  services: RunningServices;
  dir: string;
  /** Calls the services as the renderer does; a refusal throws with the method and its message. */
  call: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
  stop: () => Promise<void>;
}

export async function startTestHost(systemLocale = 'en-US'): Promise<TestHost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-e2e-'));
  const paths = dataPathsFor(path.join(dir, 'surveydesk.sqlite'));
  const services = await startServices({
    paths,
    runtime: 'host',
    appVersion: '0.0.0-test',
    systemLocale,
    platform: hostPlatform(path.join(dir, 'exports')),
    create: true,
  });
  const host = await startHost({ services, rendererDir: RENDERER_DIR });
  return {
    host,
    services,
    dir,
    call: async (method, input) => {
      const result = await services.dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as MethodOutput<typeof method>;
    },
    stop: async () => {
      await host.close();
      await services.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
