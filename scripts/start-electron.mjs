// `npm start`: make sure the Electron runtime and an Electron build of better-sqlite3 exist, then
// build and run the app (`electron-vite preview`). `--prepare-only` stops after the two checks
// (used by `npm run dist`).
//
// (a) Electron >= 42 has no install script: its binary downloads on first use. We run that
//     download up front so a machine without access to the download host gets one clear line
//     instead of a stack trace from deep inside electron-vite.
// (b) node_modules/better-sqlite3 is built for the system Node (tests, CLI, browser host) and must
//     stay that way. Electron needs a binary for its own ABI, so the package is copied into the
//     ignored .electron-native/ folder and built there; main/index.ts loads it through
//     better-sqlite3's `nativeBinding` option (see main/shell/native-binding.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NATIVE_DIR = path.join(ROOT, '.electron-native');
// Must match main/shell/native-binding.ts and electron-builder.yml.
const SQLITE_COPY = path.join(NATIVE_DIR, 'better-sqlite3');
const SQLITE_BINARY = path.join(SQLITE_COPY, 'build', 'Release', 'better_sqlite3.node');
const STAMP = path.join(SQLITE_COPY, '.surveydesk-electron-build.json');
const LOG = path.join(NATIVE_DIR, 'prepare.log');
// A real download is ~100 MB; a machine that cannot reach the host fails in well under a second.
const DOWNLOAD_TIMEOUT_MS = 15 * 60 * 1000;
const BUILD_TIMEOUT_MS = 15 * 60 * 1000;

class PrepareError extends Error {}

function packageDir(name) {
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [ROOT] }));
}

function versionOf(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

/** Runs a Node script with captured output, appended to the prepare log; true on success. */
function runNode(script, args, options) {
  const result = spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  fs.mkdirSync(NATIVE_DIR, { recursive: true });
  fs.appendFileSync(
    LOG,
    [
      `\n$ ${path.relative(ROOT, script)} ${args.join(' ')}  (cwd ${options.cwd ?? ROOT})`,
      result.stdout ?? '',
      result.stderr ?? '',
      result.error ? String(result.error) : '',
      `exit ${result.status ?? result.signal}\n`,
    ].join('\n'),
  );
  return result.status === 0;
}

/** (a) Downloads the Electron binary when it is missing (install.js exits at once if present). */
function ensureElectron() {
  const electronDir = packageDir('electron');
  const ok = runNode(path.join(electronDir, 'install.js'), [], {
    cwd: electronDir,
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  if (!ok) {
    throw new PrepareError(
      'SurveyDesk: the Electron runtime could not be downloaded (no access to its download host). ' +
        `Run the browser host instead: npm run host  (details: ${path.relative(ROOT, LOG)})`,
    );
  }
  return versionOf(electronDir);
}

/**
 * The environment for builds that target Electron: npm's `nodedir` setting (kept on this machine
 * so Node builds use the local headers) would make node-gyp compile against the system Node's
 * headers, i.e. for the wrong ABI.
 */
function electronBuildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|runtime|target|disturl|dist_url)$/i.test(key)) delete env[key];
  }
  return env;
}

function stampFor(electronVersion, sqliteVersion) {
  return {
    electron: electronVersion,
    betterSqlite3: sqliteVersion,
    platform: process.platform,
    arch: process.arch,
  };
}

function isBuilt(expected) {
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
    return fs.existsSync(SQLITE_BINARY) && JSON.stringify(stamp) === JSON.stringify(expected);
  } catch {
    return false;
  }
}

/** (b) Builds better-sqlite3 for Electron's ABI in .electron-native/, never in node_modules. */
export function ensureElectronSqlite(electronVersion) {
  const source = packageDir('better-sqlite3');
  const expected = stampFor(electronVersion, versionOf(source));
  if (isBuilt(expected)) return SQLITE_BINARY;

  console.log(`SurveyDesk: building better-sqlite3 for Electron ${electronVersion} (once)...`);
  fs.rmSync(SQLITE_COPY, { recursive: true, force: true });
  fs.mkdirSync(NATIVE_DIR, { recursive: true });
  // The Node binary in build/ is left behind so it can never be mistaken for the Electron one.
  fs.cpSync(source, SQLITE_COPY, {
    recursive: true,
    filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build',
  });
  const common = { cwd: SQLITE_COPY, env: electronBuildEnv(), timeout: BUILD_TIMEOUT_MS };
  const target = [`--runtime=electron`, `--target=${electronVersion}`];
  const built =
    runNode(
      path.join(packageDir('prebuild-install'), 'bin.js'),
      [...target, `--arch=${process.arch}`],
      common,
    ) ||
    runNode(
      path.join(packageDir('node-gyp'), 'bin', 'node-gyp.js'),
      ['rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'],
      common,
    );
  if (!built || !fs.existsSync(SQLITE_BINARY)) {
    throw new PrepareError(
      `SurveyDesk: better-sqlite3 could not be built for Electron ${electronVersion} ` +
        `(no prebuilt binary and no Electron headers). Details: ${path.relative(ROOT, LOG)}`,
    );
  }
  fs.writeFileSync(STAMP, JSON.stringify(expected));
  return SQLITE_BINARY;
}

function main() {
  const prepareOnly = process.argv.includes('--prepare-only');
  fs.rmSync(LOG, { force: true });
  try {
    const electronVersion = ensureElectron();
    ensureElectronSqlite(electronVersion);
  } catch (error) {
    if (!(error instanceof PrepareError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  if (prepareOnly) return;
  const cli = path.join(packageDir('electron-vite'), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'preview'], { cwd: ROOT, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
