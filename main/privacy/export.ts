/**
 * "Give me a copy of my data": the person's record as JSON (complete, machine-readable) or as an
 * Excel workbook (one sheet each for the customer record, responses, answers, history, sample
 * memberships, contacts, follow-ups, problems quoting their answers, and other records). Texts typed by respondents go through the formula guard of the reports. Both are
 * written as `<path>.partial` and renamed when complete, so a half file never looks whole.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { createI18n } from '../../shared/i18n';
import type { Locale } from '../../shared/locale';
import type { PersonRecord } from '../../shared/privacy';
import {
  HEADER_STYLE,
  TITLE_STYLE,
  displayWidth,
  putCell,
  type CellInput,
} from '../reports/excel/sheet-kit';

export type PersonExportFormat = 'json' | 'xlsx';

export async function writePersonExport(
  record: PersonRecord,
  format: PersonExportFormat,
  filePath: string,
  locale: Locale,
): Promise<void> {
  const partial = `${filePath}.partial`;
  try {
    if (format === 'json') {
      fs.writeFileSync(partial, `${JSON.stringify(record, null, 2)}\n`, 'utf8');
    } else {
      await personWorkbook(record, locale).xlsx.writeFile(partial);
    }
    fs.renameSync(partial, filePath);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: string[],
  rows: CellInput[][],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = headers.map((h) => displayWidth(h) + 2);
  headers.forEach((header, c) => {
    const cell = sheet.getRow(1).getCell(c + 1);
    cell.value = header;
    cell.style = HEADER_STYLE;
  });
  rows.forEach((row, r) => {
    const excelRow = sheet.getRow(r + 2);
    row.forEach((value, c) => {
      putCell(excelRow.getCell(c + 1), value);
      const width = typeof value === 'string' ? displayWidth(value) : String(value ?? '').length;
      widths[c] = Math.max(widths[c] ?? 8, Math.min(60, width + 2));
    });
  });
  widths.forEach((width, c) => (sheet.getColumn(c + 1).width = width));
  return sheet;
}

/** The workbook of one person's data, in the user's language. */
export function personWorkbook(record: PersonRecord, locale: Locale): ExcelJS.Workbook {
  const t = createI18n(locale).t;
  const x = (key: string) => t(`privacy.export.${key}`);
  const yesNo = (value: boolean) => x(value ? 'yes' : 'no');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SurveyDesk';

  const personRows: CellInput[][] = [[x('exportedAt'), record.exportedAt]];
  for (const customer of record.customers) {
    personRows.push([t('privacy.customerRecord'), customer.id]);
    const fields: [string, CellInput][] = [
      ['code', customer.code],
      ['name', customer.name],
      ['type', customer.type],
      ['stage', customer.stage],
      ['region', customer.region],
      ['industry', customer.industry],
      ['size', customer.size],
      ['contact', customer.contact],
      ['phone', customer.phone],
      ['email', customer.email],
      ['accountManager', customer.accountManager],
      ['tags', customer.tags.join(', ')],
      ['createdAt', customer.createdAt],
      ['updatedAt', customer.updatedAt],
    ];
    for (const [key, value] of fields) personRows.push([t(`privacy.field.${key}`), value]);
  }
  const personSheet = addTable(
    workbook,
    x('sheetPerson'),
    [x('fieldCol'), x('valueCol')],
    personRows,
  );
  personSheet.spliceRows(1, 0, [x('heading')], []);
  personSheet.getCell('A1').style = TITLE_STYLE;

  addTable(
    workbook,
    x('sheetResponses'),
    [
      x('responseId'),
      t('privacy.survey'),
      x('surveyCode'),
      x('version'),
      t('privacy.wave'),
      x('channel'),
      t('privacy.status'),
      x('revision'),
      x('interviewer'),
      x('device'),
      x('startedAt'),
      x('completedAt'),
      x('consentGiven'),
      x('consentMethod'),
      x('consentAt'),
      x('notes'),
      x('lead'),
      x('attributes'),
    ],
    record.responses.map((r) => [
      r.id,
      r.surveyTitle,
      r.surveyCode,
      r.versionNo,
      r.waveName,
      r.channel,
      r.status,
      r.revision,
      r.interviewer,
      r.deviceId,
      r.startedAt,
      r.completedAt,
      yesNo(r.consent !== null),
      r.consent ? t(`privacy.consentMethod.${r.consent.method}`) : null,
      r.consent?.givenAt ?? null,
      r.notes || null,
      r.lead,
      Object.keys(r.attributes).length > 0 ? JSON.stringify(r.attributes) : null,
    ]),
  );

  addTable(
    workbook,
    x('sheetAnswers'),
    [
      x('responseId'),
      t('privacy.survey'),
      x('variable'),
      x('question'),
      x('answer'),
      x('code'),
      x('personal'),
    ],
    record.responses.flatMap((r) =>
      r.answers.map((a) => [
        r.id,
        r.surveyTitle,
        a.variable,
        a.question,
        a.label,
        Array.isArray(a.value) ? a.value.join(', ') : a.value,
        yesNo(a.personal),
      ]),
    ),
  );

  addTable(
    workbook,
    x('sheetHistory'),
    [
      x('responseId'),
      x('revision'),
      x('at'),
      x('actor'),
      x('action'),
      x('variable'),
      x('oldValue'),
      x('newValue'),
      x('comment'),
    ],
    record.responses.flatMap((r) =>
      r.history.map((h) => [
        r.id,
        h.revision,
        h.at,
        h.actor,
        h.action,
        h.variable,
        h.oldValue,
        h.newValue,
        h.comment,
      ]),
    ),
  );

  addActivitySheets(workbook, record, t);

  addTable(
    workbook,
    x('sheetLinked'),
    [x('table'), x('record')],
    record.linked
      .filter((group) => !TABLES_WITH_OWN_SHEET.has(group.table))
      .flatMap((group) => group.rows.map((row) => [group.table, JSON.stringify(row)])),
  );
  return workbook;
}

/** Tables shown on sheets of their own; the "other records" sheet lists the rest. */
const TABLES_WITH_OWN_SHEET = new Set([
  'sample_members',
  'sample_contacts',
  'improvement_follow_ups',
]);

type Translate = (key: string) => string;

function addActivitySheets(workbook: ExcelJS.Workbook, record: PersonRecord, t: Translate): void {
  const x = (key: string) => t(`privacy.export.${key}`);
  const sampleStatus = (status: string) => t(`sampling.status.${status}`);
  const channel = (value: string) => t(`sampling.channel.${value}`);
  addTable(
    workbook,
    x('sheetSamples'),
    [
      t('privacy.survey'),
      t('privacy.wave'),
      t('privacy.customerRecord'),
      x('stratum'),
      x('channel'),
      x('sampleStatus'),
      t('privacy.field.accountManager'),
      x('notes'),
      x('updatedAt'),
    ],
    record.samples.map((m) => [
      m.surveyTitle,
      m.waveName,
      m.customerId,
      m.stratum,
      channel(m.channel),
      sampleStatus(m.status),
      m.accountManager,
      m.notes || null,
      m.updatedAt,
    ]),
  );
  addTable(
    workbook,
    x('sheetContacts'),
    [t('privacy.wave'), x('at'), x('onDate'), x('sampleStatus'), x('actor'), x('notes')],
    record.samples.flatMap((m) =>
      m.contacts.map((c) => [
        m.waveName,
        c.at,
        c.onDate,
        sampleStatus(c.status),
        c.actor,
        c.note || null,
      ]),
    ),
  );
  addTable(
    workbook,
    x('sheetFollowUps'),
    [
      x('followUpId'),
      x('responseId'),
      x('reason'),
      x('detail'),
      x('score'),
      x('urgent'),
      t('privacy.status'),
      x('owner'),
      x('plan'),
      x('raisedAt'),
      x('revisitedAt'),
      x('revisitScore'),
      x('closedAt'),
    ],
    record.followUps.map((f) => [
      f.id,
      f.responseId,
      t(`improvement.followUps.reason.${f.reason}`),
      f.detail || null,
      f.score,
      x(f.urgent ? 'yes' : 'no'),
      t(`improvement.followUps.status.${f.status}`),
      f.owner || null,
      f.plan || null,
      f.raisedAt,
      f.revisitedAt,
      f.revisitScore,
      f.closedAt,
    ]),
  );
  addTable(
    workbook,
    x('sheetProblems'),
    [x('problemId'), x('problem'), x('responseId'), x('quote')],
    record.problems.flatMap((p) => {
      const quotes = p.quotes.length > 0 ? p.quotes : [null];
      return quotes.map((quote) => [p.id, p.title, p.responseIds.join(', '), quote]);
    }),
  );
}
