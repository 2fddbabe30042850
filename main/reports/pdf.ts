/**
 * Word to PDF through LibreOffice, when it is installed: SurveyDesk ships no PDF engine, and a
 * card printed from LibreOffice's rendering looks like the .docx does. Each conversion gets its
 * own LibreOffice profile and output folder in a temp dir, so two conversions never share a
 * lock file and a report.docx never overwrites another one's PDF; the temp dir is always removed.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../shared/errors';

export const PDF_TIMEOUT_MS = 60_000;

/** Places LibreOffice installs itself without putting soffice on PATH. */
const KNOWN_LOCATIONS: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: ['/Applications/LibreOffice.app/Contents/MacOS/soffice'],
  win32: [
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  ],
};

/** The soffice executable, or null when LibreOffice is not installed. */
export async function findSoffice(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<string | null> {
  const names = platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  const candidates = [
    ...dirs.flatMap((dir) => names.map((name) => join(dir, name))),
    ...(KNOWN_LOCATIONS[platform] ?? []),
  ];
  for (const candidate of candidates) {
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Converts `docxPath` to a PDF beside it (same name, .pdf) and returns the PDF's path; null
 * when LibreOffice is not installed. Throws AppError NOT_AVAILABLE when the conversion fails
 * or takes longer than `timeoutMs`.
 */
export async function convertToPdf(
  docxPath: string,
  options: { soffice?: string | null; timeoutMs?: number } = {},
): Promise<string | null> {
  const soffice = options.soffice === undefined ? await findSoffice() : options.soffice;
  if (!soffice) return null;
  const work = await mkdtemp(join(tmpdir(), 'surveydesk-pdf-'));
  try {
    const profile = join(work, 'profile');
    const outDir = join(work, 'out');
    await mkdir(outDir);
    await runSoffice(
      soffice,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        docxPath,
      ],
      options.timeoutMs ?? PDF_TIMEOUT_MS,
    );
    const name = `${basename(docxPath, extname(docxPath))}.pdf`;
    const produced = join(outDir, name);
    if (!(await exists(produced))) {
      throw new AppError('NOT_AVAILABLE', {
        what: `PDF (LibreOffice wrote no PDF for ${basename(docxPath)})`,
      });
    }
    const target = join(dirname(docxPath), name);
    // copy, not rename: the temp dir may be on another file system.
    await copyFile(produced, target);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs soffice in its own process group, so a timeout kills soffice.bin too and not only the
 * launcher script in front of it.
 */
function runSoffice(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const detached = process.platform !== 'win32';
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      kill(child.pid, detached);
      reject(
        new AppError('NOT_AVAILABLE', {
          what: `PDF (LibreOffice took longer than ${Math.round(timeoutMs / 1000)} s)`,
        }),
      );
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new AppError('NOT_AVAILABLE', {
          what: `PDF (LibreOffice could not start: ${error.message})`,
        }),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new AppError('NOT_AVAILABLE', {
            what: `PDF (LibreOffice exit code ${code ?? 'signal'}: ${stderr.trim().slice(0, 300)})`,
          }),
        );
    });
  });
}

function kill(pid: number | undefined, group: boolean): void {
  if (pid === undefined) return;
  try {
    process.kill(group ? -pid : pid, 'SIGKILL');
  } catch {
    // Already gone: the conversion finished as the timer fired.
  }
}
