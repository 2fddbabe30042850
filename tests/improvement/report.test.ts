/**
 * The improvement part of the reports: the Word section (checked through the outline it records
 * and packed into a document) and the Excel sheets (read back from the file), on hand-made data
 * with an action verified by a later wave, a missed one and two standards.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Document, Packer } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../main/analysis/engine';
import {
  improvementReportData,
  type ImprovementReportData,
} from '../../main/improvement/report-data';
import { improvementService } from '../../main/improvement/service';
import { closeWorkbook, openWorkbook } from '../../main/reports/excel/report';
import { exportToFile } from '../../main/reports/export';
import { reportContext } from '../../main/reports/excel/report-context';
import {
  writeImprovementSheets,
  writeImprovementSheetsFrom,
} from '../../main/reports/excel/improvement-sheet';
import { chartFont } from '../../main/reports/charts/fonts';
import { ReportContext } from '../../main/reports/word/context';
import {
  improvementChapter,
  improvementSection,
} from '../../main/reports/word/improvement-section';
import { reportPen } from '../../main/reports/word/style';
import type { RunningServices } from '../../main/services/start';
import type { AnalysisResult } from '../../shared/analysis';
import { actionInput, problemInput, standardInput } from '../../shared/api/improvement';
import { definitionSchema, type SurveyDefinition } from '../../shared/questionnaire/model';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { addWave, answersWith, createSurvey } from './fixture';

describe('the improvement part of the Word and Excel reports', () => {
  const dir = useTempDir('improvement-report');
  let services: RunningServices;
  let data: ImprovementReportData;
  let result: AnalysisResult;
  let definition: SurveyDefinition;

  beforeEach(async () => {
    services = await startTestServices(dir.join('data.sqlite'));
    const now = () => new Date('2026-10-15T09:00:00Z');
    const improvement = improvementService(services.ctx.db, { now });
    const surveyId = createSurvey(services);
    // Responsiveness: wave 1 (3 + 4) / 2 = 3.5 → 70; wave 2 (4 + 5) / 2 = 4.5 → 90.
    const first = addWave(services, surveyId, '上半年', '2026-03-01', [
      { answers: answersWith([3, 3, 3]) },
      { answers: answersWith([4, 4, 4]) },
    ]);
    const second = addWave(services, surveyId, '下半年', '2026-09-01', [
      { answers: answersWith([4, 4, 4]) },
      { answers: answersWith([5, 5, 5]) },
    ]);
    const problem = await improvement.createProblem(
      problemInput.parse({
        surveyId,
        waveId: first,
        title: '响应慢',
        frequency: 20,
        churnRisk: 3,
        wordOfMouth: 2,
        metric: { kind: 'dimension', ref: 'responsiveness' },
      }),
    );
    const action = (title: string, target: number, dueOn: string) =>
      improvement.createAction(
        actionInput.parse({
          problemId: problem.id,
          title,
          metric: { kind: 'dimension', ref: 'responsiveness' },
          target,
          owner: '李娜',
          department: '客服中心',
          dueOn,
          measures: '增加坐席',
        }),
      );
    await action('缩短首次响应时间', 85, '2026-08-31');
    await action('全天候热线', 95, '2026-08-31');
    improvement.saveStandard(
      standardInput.parse({
        indicator: '响应及时性',
        dataSource: 'survey',
        metric: { kind: 'dimension', ref: 'responsiveness' },
        target: 80,
      }),
    );
    improvement.saveStandard(
      standardInput.parse({
        indicator: 'VIP 响应时间',
        dataSource: 'manual',
        operator: '<=',
        target: 5,
        manualValue: 4,
        formula: '首次响应（分钟）',
      }),
    );
    await improvement.evaluateWave(surveyId, second);
    data = improvementReportData(services.ctx.db, surveyId, now);
    result = await runAnalysis(services.ctx.db, {
      surveyId,
      waveIds: [second],
      quality: 'clean',
      conversion: 'ratio',
      crossBy: 'type',
    });
    const row = services.ctx.db
      .prepare(
        "SELECT definition FROM survey_versions WHERE survey_id = ? AND status = 'published'",
      )
      .get(surveyId) as { definition: string };
    definition = definitionSchema.parse(JSON.parse(row.definition));
  });

  afterEach(async () => {
    await services.close();
  });

  it('writes the Word section: actions with status, verification figures and standards', async () => {
    const ctx = new ReportContext(
      { result, definition, lang: 'zh-CN' },
      reportPen('zh-CN'),
      chartFont([]),
    );
    ctx.beginSection('conclusions');
    const blocks = improvementSection(ctx, data);
    const entries = ctx.outline[0]!.entries;
    expect(entries[0]).toMatchObject({ kind: 'heading', level: 1, title: '改进措施与闭环管理' });
    expect(entries).toContainEqual({
      kind: 'text',
      text: '共制定改进措施 2 项：已验证达标 1 项，未达标 1 项，逾期 0 项。',
    });
    const tables = entries.filter((e) => e.kind === 'table');
    expect(tables.map((e) => e.title)).toEqual([
      '改进措施及责任人、截止日期和状态',
      '各批次目标指标与基线对比',
      '服务质量标准及最新结果',
    ]);
    // Baseline 70 (wave 1), result 90 (wave 2): 90 >= 85 met, 90 < 95 not met.
    expect(tables[1]!.rows).toEqual([
      ['缩短首次响应时间', '下半年', '响应及时性得分', '70.0', '≥ 85.0', '90.0', '是'],
      ['全天候热线', '下半年', '响应及时性得分', '70.0', '≥ 95.0', '90.0', '否'],
    ]);
    expect(tables[0]!.rows.map((r) => r.at(-1))).toEqual(['已验证达标', '未达标']);
    // Same creation time: by indicator. The manual one compares its entered figure: 4 <= 5.
    expect(tables[2]!.rows).toEqual([
      ['VIP 响应时间', '—', '≤ 5', '全部客户', '4.0', '是'],
      ['响应及时性', '响应及时性得分', '≥ 80', '全部客户', '90.0（下半年）', '是'],
    ]);
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: blocks }] }));
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('adds no chapter for a survey without an improvement loop', () => {
    const ctx = new ReportContext(
      { result, definition, lang: 'zh-CN' },
      reportPen('zh-CN'),
      chartFont([]),
    );
    ctx.beginSection('conclusions');
    expect(improvementChapter(ctx, { actions: [], standards: [] })).toEqual([]);
    expect(improvementChapter(ctx, null)).toEqual([]);
    expect(ctx.outline[0]!.entries).toEqual([]);
    expect(improvementChapter(ctx, data).length).toBeGreaterThan(3);
  });

  it('says so when a survey has no action yet', () => {
    const ctx = new ReportContext(
      { result, definition, lang: 'en' },
      reportPen('en'),
      chartFont([]),
    );
    ctx.beginSection('conclusions');
    improvementSection(ctx, { actions: [], standards: [] });
    const texts = ctx.outline[0]!.entries.filter((e) => e.kind === 'text').map((e) => e.text);
    expect(texts).toEqual([
      'No improvement action has been planned for this survey yet.',
      'No service-quality standard has been set.',
    ]);
  });

  it('writes the Excel sheets of actions and standards', async () => {
    const file = dir.join('report.xlsx');
    const { workbook, stream } = openWorkbook(file);
    writeImprovementSheetsFrom(workbook, reportContext(result, definition, 'en', false), data);
    await closeWorkbook(workbook, stream);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const actions = book.getWorksheet('Improvement actions')!;
    const header = (actions.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 3)).toEqual(['Action', 'Problem', 'Owner']);
    const row = (n: number) =>
      Object.fromEntries(
        header.map((h, k): [string, unknown] => [h, actions.getRow(n).getCell(k + 1).value]),
      );
    expect(row(2)).toMatchObject({
      Action: '缩短首次响应时间',
      Owner: '李娜',
      'Due date': '2026-08-31',
      Target: '≥ 85',
      Baseline: 70,
      Status: 'Verified',
      'Latest verification': '下半年',
      Result: 90,
      Met: 'Yes',
    });
    expect(row(3)).toMatchObject({ Action: '全天候热线', Status: 'Target missed', Met: 'No' });
    const standards = book.getWorksheet('Standards')!;
    expect(standards.getRow(2).getCell(1).value).toBe('VIP 响应时间');
    expect(standards.getRow(3).getCell(1).value).toBe('响应及时性');
    expect(standards.getRow(3).getCell(10).value).toBe(90);
    expect(standards.getRow(3).getCell(11).value).toBe('Yes');
  });

  it('adds the sheets only for a survey with an improvement loop', async () => {
    const { db } = services.ctx;
    const ctx = reportContext(result, definition, 'zh-CN', false);
    const { workbook, stream } = openWorkbook(dir.join('with.xlsx'));
    expect(writeImprovementSheets(workbook, ctx, db, result.request.surveyId)).toEqual([
      '改进措施',
      '服务质量标准',
    ]);
    await closeWorkbook(workbook, stream);
    // Another survey, and no standard at all: nothing to add, the report stays as it was.
    db.prepare('DELETE FROM improvement_standards').run();
    const other = createSurvey(services);
    const empty = openWorkbook(dir.join('without.xlsx'));
    expect(writeImprovementSheets(empty.workbook, ctx, db, other)).toEqual([]);
    await closeWorkbook(empty.workbook, empty.stream);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(dir.join('without.xlsx'));
    expect(book.worksheets).toHaveLength(0);
  });

  it('puts the chapter into the Word report after the conclusions, and the sheets into the Excel report', async () => {
    const { db } = services.ctx;
    const base = {
      request: result.request,
      lang: 'zh-CN' as const,
      labels: 'labels' as const,
      encoding: 'utf8' as const,
      includePersonal: false,
    };
    const docx = dir.join('report.docx');
    await exportToFile(db, { ...base, format: 'docx', path: docx });
    const zip = await JSZip.loadAsync(fs.readFileSync(docx));
    const text = (await zip.file('word/document.xml')!.async('string'))
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '');
    const chapter = text.indexOf('改进措施与闭环管理');
    expect(chapter).toBeGreaterThan(text.indexOf('结论与建议'));
    expect(text.indexOf('附录', chapter)).toBeGreaterThan(chapter);
    expect(text).toContain('共制定改进措施 2 项：已验证达标 1 项，未达标 1 项，逾期 0 项。');
    const xlsx = dir.join('report.xlsx');
    await exportToFile(db, { ...base, format: 'xlsx', path: xlsx });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const names = book.worksheets.map((w) => w.name);
    // After the six analysis sheets (summary ... open answers), before the cleaning log.
    expect(names.slice(6, 8)).toEqual(['改进措施', '服务质量标准']);
    expect(names).toHaveLength(11);
  }, 60_000);
});
