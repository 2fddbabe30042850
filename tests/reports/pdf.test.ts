import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { convertToPdf, findSoffice } from '../../main/reports/pdf';
import { AppError } from '../../shared/errors';
import { useTempDir } from '../helpers/temp-dir';

// Stand-ins for LibreOffice: POSIX shell scripts, so these run without it installed.
const posix = process.platform !== 'win32';

/** Writes its arguments to args.txt and a fake PDF into --outdir, like soffice does. */
const CONVERTS = `#!/bin/sh
out=""; prev=""; last=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  prev="$a"; last="$a"
done
printf '%s\\n' "$@" > "$(dirname "$last")/args.txt"
name=$(basename "$last" .docx)
printf '%%PDF-1.7 fake' > "$out/$name.pdf"
`;
const FAILS = `#!/bin/sh
echo "Error: source file could not be loaded" >&2
exit 3
`;
/** Hangs in a child process, as soffice.bin does behind the launcher; records the child's pid. */
const HANGS = `#!/bin/sh
sleep 30 &
echo $! > "$PID_FILE"
wait
`;

/** Whether a process is alive; a killed child not yet reaped by its new parent is a zombie, not alive. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

describe('convertToPdf', () => {
  const temp = useTempDir('pdf');
  let scratch = '';
  let saved: string | undefined;

  beforeEach(() => {
    // Conversions make their temp folders here, so the test can see that none is left.
    scratch = temp.join('tmp');
    mkdirSync(scratch);
    saved = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });

  function script(name: string, body: string): string {
    const dir = temp.join('bin');
    mkdirSync(dir, { recursive: true });
    const path = `${dir}/${name}`;
    writeFileSync(path, body);
    chmodSync(path, 0o755);
    return path;
  }

  function docx(): string {
    const path = temp.join('card.docx');
    writeFileSync(path, 'not really a docx');
    return path;
  }

  it('returns null when LibreOffice is not installed', async () => {
    expect(await convertToPdf(docx(), { soffice: null })).toBeNull();
  });

  it.skipIf(!posix)('finds soffice on PATH, and nothing on an empty PATH', async () => {
    const fake = script('soffice', CONVERTS);
    expect(
      await findSoffice({ PATH: `${temp.join('nowhere')}:${temp.join('bin')}` }, 'linux'),
    ).toBe(fake);
    expect(await findSoffice({ PATH: '' }, 'linux')).toBeNull();
  });

  it.skipIf(!posix)(
    'runs headless with a private profile and puts the PDF beside the .docx',
    async () => {
      const soffice = script('soffice', CONVERTS);
      const pdf = await convertToPdf(docx(), { soffice });
      expect(pdf).toBe(temp.join('card.pdf'));
      expect(readFileSync(pdf ?? '', 'latin1')).toBe('%PDF-1.7 fake');
      const args = readFileSync(temp.join('args.txt'), 'utf8').trim().split('\n');
      expect(args.slice(0, 2)).toEqual(['--headless', '--norestore']);
      expect(args[2]).toMatch(/^-env:UserInstallation=file:\/\/\//);
      expect(args.slice(3, 5)).toEqual(['--convert-to', 'pdf']);
      expect(args.at(-1)).toBe(temp.join('card.docx'));
      expect(readdirSync(scratch)).toEqual([]);
    },
  );

  it.skipIf(!posix)(
    'reports a failed conversion with what LibreOffice said, and cleans up',
    async () => {
      const soffice = script('soffice', FAILS);
      const error = await convertToPdf(docx(), { soffice }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('NOT_AVAILABLE');
      expect(String((error as AppError).params.what)).toContain('source file could not be loaded');
      expect(readdirSync(scratch)).toEqual([]);
    },
  );

  it.skipIf(!posix)(
    'gives up after the timeout and kills the whole LibreOffice process group',
    async () => {
      const soffice = script('soffice', HANGS);
      const pidFile = temp.join('pid');
      process.env.PID_FILE = pidFile;
      try {
        const error = await convertToPdf(docx(), { soffice, timeoutMs: 500 }).catch(
          (e: unknown) => e,
        );
        expect((error as AppError).code).toBe('NOT_AVAILABLE');
        expect(String((error as AppError).params.what)).toContain('longer than');
      } finally {
        delete process.env.PID_FILE;
      }
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(isRunning(pid)).toBe(false);
      expect(readdirSync(scratch)).toEqual([]);
    },
  );
});
