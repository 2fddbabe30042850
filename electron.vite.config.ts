/**
 * The Electron build (electron-vite): main process + job worker, preload, renderer.
 *   out/main/index.js, out/main/worker.js   ESM, like package.json's "type": "module"; the job
 *                                           manager finds worker.js beside the bundle.
 *   out/preload/index.cjs                   CommonJS: a sandboxed preload cannot be an ES module.
 *   out/renderer/                           the same build the browser host serves.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Runtime dependencies stay in node_modules (electron-vite's default); better-sqlite3 is
      // named here too because it must never be bundled: it loads a native binary by path.
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'main/index.ts'),
          worker: resolve(root, 'main/jobs/worker.ts'),
        },
        external: ['better-sqlite3'],
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rolldownOptions: {
        input: { index: resolve(root, 'main/preload/index.ts') },
        // Sandboxed preloads run as CommonJS only; with "type": "module" a `.cjs` name keeps
        // Node and Electron from reading the file as ESM.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
