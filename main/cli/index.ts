/**
 * `surveydesk` on the command line, over the same services as the app.
 * Later issues add verbs (import, analyse, report, package) to COMMANDS.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { errorMessage } from '../../shared/i18n';
import { localeFromSystem, type Locale } from '../../shared/locale';
import { dataPathsFor, defaultDataPaths } from '../services/paths';
import { systemLocale } from '../services/version';
import { COMMANDS, helpText } from './commands';
import type { CliIO } from './support';

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let locale: Locale = localeFromSystem(systemLocale(io.env));
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        lang: { type: 'string' },
        json: { type: 'boolean' },
        from: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        // Options of particular verbs; each verb reads what it needs from ctx.options.
        responses: { type: 'string' },
        seed: { type: 'string' },
        survey: { type: 'string' },
        wave: { type: 'string' },
        status: { type: 'string' },
        flag: { type: 'string' },
        overdue: { type: 'boolean' },
        segment: { type: 'string' },
        map: { type: 'string' },
        codes: { type: 'boolean' },
        gbk: { type: 'boolean' },
        'include-personal': { type: 'boolean' },
        sections: { type: 'string' },
        compare: { type: 'string' },
        strata: { type: 'string' },
        rule: { type: 'string' },
        include: { type: 'string' },
        'dry-run': { type: 'boolean' },
        // Exchange packages and keys (main/cli/package.ts); passphrases never on the command line.
        'since-last': { type: 'boolean' },
        range: { type: 'string' },
        questionnaire: { type: 'boolean' },
        'to-key': { type: 'string' },
        passphrase: { type: 'boolean' },
        plain: { type: 'boolean' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.lang) locale = localeFromSystem(values.lang);
    const verb = positionals[0];
    if (values.help || !verb || verb === 'help') {
      io.out(helpText(locale));
      return verb || values.help ? 0 : 2;
    }
    const command = COMMANDS[verb];
    if (!command) {
      io.err(
        locale === 'zh-CN'
          ? `surveydesk：未知命令“${verb}”。运行 surveydesk --help 查看可用命令。\n`
          : `surveydesk: unknown command "${verb}". Run surveydesk --help for the list.\n`,
      );
      return 2;
    }
    const paths = values.db ? dataPathsFor(values.db) : defaultDataPaths();
    return await command.run({
      paths,
      locale,
      json: values.json ?? false,
      from: values.from,
      args: positionals.slice(1),
      format: values.format,
      out: values.out,
      options: values,
      io,
    });
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`surveydesk: ${errorMessage(error.code, error.params, locale)}\n`);
      if (error.code === 'DB_CORRUPT') {
        io.err(
          locale === 'zh-CN'
            ? '恢复方法：surveydesk restore --db <数据库路径> [--from <备份文件>]\n'
            : 'To recover: surveydesk restore --db <database path> [--from <backup file>]\n',
        );
      }
      return error.code === 'DB_CORRUPT' || error.code === 'DB_TOO_NEW' ? 3 : 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`surveydesk: ${message}\n`);
    return 2;
  }
}

const isEntry =
  process.argv[1] &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '');
if (isEntry || process.env.SURVEYDESK_CLI_ENTRY === '1') {
  void runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
