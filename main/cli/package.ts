/**
 * Exchange packages and keys from the command line:
 *   surveydesk package export --survey CODE --out FILE [--since-last | --range FROM..TO | --questionnaire]
 *                             [--to-key KEY.sdkey | --passphrase | --plain]
 *   surveydesk package inspect FILE
 *   surveydesk package import FILE [--dry-run]
 *   surveydesk keys | keys create --name NAME | keys export --out FILE | keys add FILE [--name NAME] | keys remove ID
 * Passphrases are never taken from the command line: SURVEYDESK_PASSPHRASE, else a prompt on a
 * terminal (input hidden). Without --to-key, --passphrase or --plain, a package is encrypted to
 * the one recipient key this machine knows; with none or several, the command asks to choose.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { AppError } from '../../shared/errors';
import type { Locale } from '../../shared/locale';
import type { KeysStatus, MergeCounts, PackagePreview } from '../../shared/sync';
import type { SurveySummary } from '../../shared/surveys';
import { exportPackage, type ExportEncryption, type ExportScope } from '../sync/export';
import { importPackage, inspectPackage } from '../sync/import';
import {
  importRecipientKey,
  keyRing,
  keysStatus,
  publicKeyFile,
  removeRecipientKey,
} from '../sync/keys';
import { packageVersion } from '../services/version';
import { call, withServices, type CliIO, type Command, type CommandContext } from './support';

export const PASSPHRASE_ENV = 'SURVEYDESK_PASSPHRASE';

const say = (locale: Locale, en: string, zh: string) => (locale === 'zh-CN' ? zh : en);

/** The passphrase from the environment, else typed on a terminal without echo; null when neither. */
export async function readPassphrase(io: CliIO, prompt: string): Promise<string | null> {
  const fromEnv = io.env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) return null;
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stderr.write(prompt);
  const rl = readline.createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

async function needPassphrase(ctx: CommandContext, prompt: string): Promise<string> {
  const value = await readPassphrase(ctx.io, prompt);
  if (!value) {
    throw new AppError('INVALID_INPUT', {
      details: say(
        ctx.locale,
        `set ${PASSPHRASE_ENV} or run in a terminal to type the passphrase`,
        `请设置环境变量 ${PASSPHRASE_ENV}，或在终端中运行以输入口令`,
      ),
    });
  }
  return value;
}

function countsLine(locale: Locale, t: MergeCounts): string {
  return say(
    locale,
    `new ${t.new}, updated ${t.updated}, unchanged ${t.unchanged}, older ${t.older}, conflicts ${t.conflicts}, erased ${t.erased}`,
    `新增 ${t.new}，更新 ${t.updated}，未变 ${t.unchanged}，较旧 ${t.older}，冲突 ${t.conflicts}，已删除 ${t.erased}`,
  );
}

/** "Label: " in English, "标签：" in Chinese. */
const field = (locale: Locale, en: string, zh: string) =>
  locale === 'zh-CN' ? `${zh}：` : `${en}: `;

function printPreview(ctx: CommandContext, preview: PackagePreview): void {
  const l = ctx.locale;
  const m = preview.manifest;
  const lines = [
    `${field(l, 'Package', '数据包')}${m.packageId}`,
    `${field(l, 'From device', '来源设备')}${m.deviceId}`,
    `${field(l, 'Created', '生成时间')}${m.createdAt}  (SurveyDesk ${m.appVersion}, ${say(l, 'format', '格式')} ${m.formatVersion})`,
    `${field(l, 'Encryption', '加密')}${m.encryption}${m.recipientFingerprint ? ` (${m.recipientFingerprint})` : ''}`,
  ];
  if (preview.alreadyApplied)
    lines.push(
      say(l, 'Already imported: nothing will change.', '该数据包已导入过，不会有任何变化。'),
    );
  for (const s of preview.surveys) {
    if (s.isNew || s.newVersions || s.newWaves) {
      lines.push(
        say(
          l,
          `Questionnaire ${s.code}: ${s.isNew ? 'new, ' : ''}${s.newVersions} new version(s), ${s.newWaves} new wave(s)`,
          `问卷 ${s.code}：${s.isNew ? '新问卷，' : ''}新版本 ${s.newVersions} 个，新批次 ${s.newWaves} 个`,
        ),
      );
    }
  }
  for (const g of preview.groups)
    lines.push(`  ${g.surveyCode} / ${g.deviceId}: ${countsLine(l, g.counts)}`);
  lines.push(`${field(l, 'Responses', '答卷')}${countsLine(l, preview.totals)}`);
  lines.push(
    say(
      l,
      `Customers: new ${preview.customers.new}, updated ${preview.customers.updated}, erased ${preview.customers.erased}; erasures: new ${preview.tombstones.new}`,
      `客户：新增 ${preview.customers.new}，更新 ${preview.customers.updated}，已删除 ${preview.customers.erased}；删除记录：新增 ${preview.tombstones.new}`,
    ),
  );
  ctx.io.out(`${lines.join('\n')}\n`);
}

function packageArg(ctx: CommandContext): { bytes: Buffer; fileName: string } {
  const file = ctx.args[1];
  if (!file)
    throw new AppError('INVALID_INPUT', {
      details: say(ctx.locale, 'the package FILE is missing', '缺少数据包文件'),
    });
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', { what: file });
  return { bytes: fs.readFileSync(file), fileName: path.basename(file) };
}

/** Inspect or import, asking for a passphrase when the package (or the private key) needs one. */
async function withPassphraseRetry<T>(
  ctx: CommandContext,
  run: (passphrase: string | undefined) => Promise<T>,
): Promise<T> {
  const fromEnv = ctx.io.env[PASSPHRASE_ENV] || undefined;
  try {
    return await run(fromEnv);
  } catch (error) {
    const code = error instanceof AppError ? error.code : null;
    if (fromEnv || (code !== 'PACKAGE_PASSPHRASE_REQUIRED' && code !== 'KEY_PASSPHRASE_REQUIRED'))
      throw error;
    if (!process.stdin.isTTY) throw error;
    const prompt =
      code === 'PACKAGE_PASSPHRASE_REQUIRED'
        ? say(ctx.locale, 'Package passphrase: ', '数据包口令：')
        : say(ctx.locale, "This machine's private key passphrase: ", '本机私钥口令：');
    return run(await needPassphrase(ctx, prompt));
  }
}

function scopeOf(ctx: CommandContext): ExportScope {
  const o = ctx.options;
  const chosen = [
    o['since-last'] === true,
    typeof o.range === 'string',
    o.questionnaire === true,
  ].filter(Boolean).length;
  if (chosen > 1)
    throw new AppError('INVALID_INPUT', {
      details: say(
        ctx.locale,
        'choose one of --since-last, --range, --questionnaire',
        '--since-last、--range、--questionnaire 只能选一个',
      ),
    });
  if (o['since-last'] === true) return { kind: 'since-last' };
  if (o.questionnaire === true) return { kind: 'questionnaire' };
  if (typeof o.range === 'string') {
    const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(o.range);
    if (!match)
      throw new AppError('INVALID_INPUT', {
        details: say(
          ctx.locale,
          '--range FROM..TO, e.g. 2026-03-01..2026-03-31',
          '--range 起..止，例如 2026-03-01..2026-03-31',
        ),
      });
    return { kind: 'range', from: match[1]!, to: match[2]! };
  }
  return { kind: 'all' };
}

async function encryptionOf(
  ctx: CommandContext,
  keys: () => KeysStatus,
  addKey: (file: string) => string,
): Promise<ExportEncryption> {
  const o = ctx.options;
  const chosen = [typeof o['to-key'] === 'string', o.passphrase === true, o.plain === true].filter(
    Boolean,
  ).length;
  if (chosen > 1)
    throw new AppError('INVALID_INPUT', {
      details: say(
        ctx.locale,
        'choose one of --to-key, --passphrase, --plain',
        '--to-key、--passphrase、--plain 只能选一个',
      ),
    });
  if (typeof o['to-key'] === 'string') return { mode: 'key', recipientId: addKey(o['to-key']) };
  if (o.passphrase === true) {
    const passphrase = await needPassphrase(
      ctx,
      say(ctx.locale, 'Passphrase for the package: ', '数据包口令：'),
    );
    if (passphrase.length < 8)
      throw new AppError('INVALID_INPUT', {
        details: say(
          ctx.locale,
          'the passphrase needs at least 8 characters',
          '口令至少需要 8 个字符',
        ),
      });
    return { mode: 'passphrase', passphrase };
  }
  if (o.plain === true) {
    ctx.io.err(
      say(
        ctx.locale,
        'Warning: the package is not encrypted; anyone holding the file can read the personal data in it.\n',
        '警告：数据包未加密，拿到该文件的任何人都能读取其中的个人信息。\n',
      ),
    );
    return { mode: 'none' };
  }
  const recipients = keys().recipients;
  if (recipients.length === 1) return { mode: 'key', recipientId: recipients[0]!.id };
  throw new AppError('INVALID_INPUT', {
    details: say(
      ctx.locale,
      recipients.length === 0
        ? "no recipient key is known here: give --to-key MANAGER.sdkey (the manager's public key file), --passphrase or --plain"
        : 'several recipient keys are known: give --to-key KEY.sdkey, --passphrase or --plain',
      recipients.length === 0
        ? '本机没有收件人公钥：请用 --to-key 管理端公钥文件.sdkey，或 --passphrase，或 --plain'
        : '本机有多个收件人公钥：请用 --to-key 指定公钥文件，或 --passphrase，或 --plain',
    ),
  });
}

export const packageCommand: Command = {
  summary: {
    en: 'exchange packages: export --survey CODE --out FILE [--since-last|--range FROM..TO|--questionnaire] [--to-key KEY.sdkey|--passphrase|--plain] | inspect FILE | import FILE [--dry-run]',
    'zh-CN':
      '数据交换包：export --survey 编号 --out 文件 [--since-last|--range 起..止|--questionnaire] [--to-key 公钥.sdkey|--passphrase|--plain] | inspect 文件 | import 文件 [--dry-run]',
  },
  run: (ctx) =>
    withServices(ctx, false, async (services) => {
      const db = services.ctx.db;
      const action = ctx.args[0];
      if (action === 'export') {
        const key = ctx.options.survey;
        if (typeof key !== 'string')
          throw new AppError('INVALID_INPUT', { details: '--survey CODE is missing' });
        if (!ctx.out) throw new AppError('INVALID_INPUT', { details: '--out FILE is missing' });
        const surveys = await call<SurveySummary[]>(services, 'surveys.list', {});
        const survey = surveys.find((s) => s.code === key || s.id === key);
        if (!survey) throw new AppError('NOT_FOUND', { what: `survey ${key}` });
        const scope = scopeOf(ctx);
        const encryption = await encryptionOf(
          ctx,
          () => keysStatus(db),
          (file) => importRecipientKey(db, fs.readFileSync(file), undefined).id,
        );
        const done = await exportPackage(db, path.resolve(ctx.out), {
          surveyId: survey.id,
          scope,
          encryption,
          appVersion: packageVersion(),
        });
        if (ctx.json) ctx.io.out(`${JSON.stringify(done, null, 2)}\n`);
        else
          ctx.io.out(
            say(
              ctx.locale,
              `Wrote ${done.path} (${Math.max(1, Math.round(done.sizeBytes / 1024))} KB, ${done.encryption}): ${done.counts.responses} responses, ${done.counts.answers} answers, ${done.counts.customers} customers, ${done.counts.tombstones} erasures, ${done.counts.versions} questionnaire version(s).\n`,
              `已写入 ${done.path}（${Math.max(1, Math.round(done.sizeBytes / 1024))} KB，${done.encryption}）：答卷 ${done.counts.responses} 份，答案 ${done.counts.answers} 条，客户 ${done.counts.customers} 个，删除记录 ${done.counts.tombstones} 条，问卷版本 ${done.counts.versions} 个。\n`,
            ),
          );
        return 0;
      }
      if (action === 'inspect') {
        const { bytes, fileName } = packageArg(ctx);
        const preview = await withPassphraseRetry(ctx, (passphrase) =>
          inspectPackage(db, bytes, fileName, { keys: keyRing(db), passphrase, backupsDir: null }),
        );
        if (ctx.json) ctx.io.out(`${JSON.stringify(preview, null, 2)}\n`);
        else printPreview(ctx, preview);
        return 0;
      }
      if (action === 'import') {
        const { bytes, fileName } = packageArg(ctx);
        const dryRun = ctx.options['dry-run'] === true;
        const result = await withPassphraseRetry(ctx, (passphrase) =>
          importPackage(db, bytes, fileName, {
            keys: keyRing(db),
            passphrase,
            dryRun,
            backupsDir: services.ctx.paths.backupsDir,
          }),
        );
        if (ctx.json) ctx.io.out(`${JSON.stringify(result, null, 2)}\n`);
        else {
          printPreview(ctx, result.preview);
          ctx.io.out(
            dryRun
              ? say(ctx.locale, 'Dry run: nothing was written.\n', '试运行：未写入任何内容。\n')
              : result.backupPath
                ? say(
                    ctx.locale,
                    `Imported. Backup before the import: ${result.backupPath}\n`,
                    `导入完成。导入前的备份：${result.backupPath}\n`,
                  )
                : say(ctx.locale, 'Nothing to change.\n', '没有需要更改的内容。\n'),
          );
        }
        return 0;
      }
      throw new AppError('INVALID_INPUT', {
        details: say(
          ctx.locale,
          'package export | inspect | import',
          'package export | inspect | import',
        ),
      });
    }),
};

export const keysCommand: Command = {
  summary: {
    en: 'keys for packages: (status) | create --name NAME | export --out FILE | add FILE [--name NAME] | remove ID',
    'zh-CN':
      '数据包密钥：（查看）| create --name 名称 | export --out 文件 | add 文件 [--name 名称] | remove 编号',
  },
  run: (ctx) =>
    withServices(ctx, false, async (services) => {
      const db = services.ctx.db;
      const action = ctx.args[0];
      const l = ctx.locale;
      if (action === 'create') {
        const name = ctx.options.name;
        if (typeof name !== 'string' || !name.trim())
          throw new AppError('INVALID_INPUT', { details: '--name NAME is missing' });
        const passphrase = await needPassphrase(
          ctx,
          say(l, 'Passphrase for the private key: ', '私钥口令：'),
        );
        await call(services, 'sync.createKeyPair', { name, passphrase, replace: false });
      } else if (action === 'export') {
        if (!ctx.out) throw new AppError('INVALID_INPUT', { details: '--out FILE is missing' });
        const file = publicKeyFile(db);
        fs.writeFileSync(path.resolve(ctx.out), file.text, 'utf8');
        ctx.io.out(
          say(
            l,
            `Public key written to ${ctx.out} (fingerprint ${file.fingerprint}).\n`,
            `公钥已写入 ${ctx.out}（指纹 ${file.fingerprint}）。\n`,
          ),
        );
        return 0;
      } else if (action === 'add') {
        const file = ctx.args[1];
        if (!file) throw new AppError('INVALID_INPUT', { details: 'the key FILE is missing' });
        if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', { what: file });
        const name = typeof ctx.options.name === 'string' ? ctx.options.name : undefined;
        importRecipientKey(db, fs.readFileSync(file), name);
      } else if (action === 'remove') {
        const id = ctx.args[1];
        if (!id) throw new AppError('INVALID_INPUT', { details: 'the key ID is missing' });
        removeRecipientKey(db, id);
      } else if (action !== undefined) {
        throw new AppError('INVALID_INPUT', { details: 'keys [create | export | add | remove]' });
      }
      const status = await call<KeysStatus>(services, 'sync.keys', {});
      if (ctx.json) {
        ctx.io.out(`${JSON.stringify(status, null, 2)}\n`);
        return 0;
      }
      const lines = [
        status.own
          ? say(
              l,
              `This machine's key: ${status.own.name}, fingerprint ${status.own.fingerprint}`,
              `本机密钥：${status.own.name}，指纹 ${status.own.fingerprint}`,
            )
          : say(
              l,
              "This machine has no key pair (only the manager's machine needs one).",
              '本机没有密钥对（只有管理端电脑需要）。',
            ),
        say(
          l,
          `Recipient keys: ${status.recipients.length}`,
          `收件人公钥：${status.recipients.length} 个`,
        ),
        ...status.recipients.map((r) => `  ${r.id}  ${r.name}  ${r.fingerprint}`),
      ];
      ctx.io.out(`${lines.join('\n')}\n`);
      return 0;
    }),
};
