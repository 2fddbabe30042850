/**
 * The improvement chapter (改进措施与闭环管理) as its own report section: chosen or left out like
 * any other, after the conclusions, in the preview and the document; absent for a survey without
 * an improvement loop (see report-options.test.ts, whose demo survey has none).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// jszip comes with docx and exceljs; only tests read zips.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { improvementService } from '../../main/improvement/service';
import { exportToFile } from '../../main/reports/export';
import { previewReport } from '../../main/reports/preview';
import { wordsFor } from '../../main/reports/word/texts';
import { analysisRequest, REPORT_SECTIONS, type ReportSection } from '../../shared/analysis';
import { standardInput } from '../../shared/api/improvement';
import { twoWaves, type TwoWaves } from './two-waves-fixture';

let dir: string;
let fx: TwoWaves;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-improvement-section-'));
  fx = await twoWaves(path.join(dir, 'db.sqlite'));
  // One service-quality standard is enough for the survey to have an improvement loop.
  improvementService(fx.services.ctx.db).saveStandard(
    standardInput.parse({
      indicator: 'VIP 响应时间',
      dataSource: 'manual',
      operator: '<=',
      target: 5,
      manualValue: 4,
      formula: '首次响应（分钟）',
    }),
  );
}, 60_000);

afterAll(async () => {
  await fx.services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const request = () => analysisRequest.parse({ surveyId: fx.surveyId, waveIds: [fx.second] });

async function documentText(sections: ReportSection[], name: string): Promise<string> {
  const file = path.join(dir, name);
  await exportToFile(fx.services.ctx.db, {
    request: request(),
    format: 'docx',
    lang: 'zh-CN',
    path: file,
    labels: 'labels',
    encoding: 'utf8',
    includePersonal: false,
    sections,
  });
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return (await zip.file('word/document.xml')!.async('string'))
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '');
}

describe('the improvement section of the Word report', () => {
  it('is a section id of its own, between the conclusions and the appendix', () => {
    const at = REPORT_SECTIONS.indexOf('improvement');
    expect(REPORT_SECTIONS[at - 1]).toBe('conclusions');
    expect(REPORT_SECTIONS[at + 1]).toBe('appendix');
  });

  it('is outlined by the preview, in order, with its chapter heading', async () => {
    const preview = await previewReport(fx.services.ctx.db, { request: request(), lang: 'zh-CN' });
    const ids = preview.sections.map((s) => s.id);
    expect(ids).toEqual([...REPORT_SECTIONS]);
    const section = preview.sections.find((s) => s.id === 'improvement')!;
    const heading = section.entries.find((e) => e.kind === 'heading');
    expect(heading?.kind === 'heading' && heading.title).toBe('改进措施与闭环管理');
    // Numbered between the conclusions (8: purpose is 1, the contents unnumbered) and the appendix.
    const chapter = (id: ReportSection) => {
      const entry = preview.sections
        .find((s) => s.id === id)!
        .entries.find((e) => e.kind === 'heading' && e.level === 1);
      return entry?.kind === 'heading' ? entry.number : null;
    };
    expect(chapter('conclusions')).toBe('8');
    expect(chapter('improvement')).toBe('9');
    expect(chapter('appendix')).toBe('10');
    // The standard is in the section's table.
    expect(JSON.stringify(section.entries)).toContain('VIP 响应时间');
  }, 60_000);

  it('is written when chosen, numbered after the other chosen sections', async () => {
    const text = await documentText(['results', 'improvement'], 'chosen.docx');
    const words = wordsFor('zh-CN');
    expect(text).toContain(`1\u2003${words.section.results}`);
    expect(text).toContain(`2\u2003${words.section.improvement}`);
    expect(text).toContain('VIP 响应时间');
    expect(text).not.toContain(words.section.conclusions);
  }, 60_000);

  it('is left out when not chosen, even with the conclusions chosen', async () => {
    const text = await documentText(['conclusions', 'appendix'], 'without.docx');
    const words = wordsFor('zh-CN');
    expect(text).toContain(`1\u2003${words.section.conclusions}`);
    expect(text).toContain(`2\u2003${words.section.appendix}`);
    expect(text).not.toContain(words.section.improvement);
    expect(text).not.toContain('VIP 响应时间');
  }, 60_000);
});
