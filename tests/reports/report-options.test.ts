/**
 * What the manager chooses for the Word report, through the 'report.export' job input: the
 * sections (only those are in the file) and the wave to compare with (its figures appear as the
 * previous wave's); the method section's field-work facts; and the preview of the same report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// jszip comes with docx and exceljs; only tests read zips.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../main/analysis/engine';
import { getThemes } from '../../main/analysis/themes';
import { exportToFile } from '../../main/reports/export';
import { fieldworkFacts, type SampleFactsSource } from '../../main/reports/fieldwork-facts';
import { wrapLabel } from '../../main/reports/charts/render';
import { previewReport } from '../../main/reports/preview';
import { readDefinition } from '../../main/reports/raw-data';
import { formats } from '../../main/reports/word/style';
import { wordsFor } from '../../main/reports/word/texts';
import { analysisRequest, REPORT_SECTIONS, type ScoreStat } from '../../shared/analysis';
import { jobStartInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { textIn } from '../../shared/questionnaire/model';
import { exportFixture, type ExportFixture } from './export-fixture';

let dir: string;
let fx: ExportFixture;
let waveNames: string[];

async function documentText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

async function mediaCount(file: string): Promise<number> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return Object.keys(zip.files).filter((name) => name.startsWith('word/media/')).length;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-report-options-'));
  fx = await exportFixture(path.join(dir, 'db.sqlite'));
  waveNames = fx.demo.waveIds.map(
    (id) => (fx.db.prepare('SELECT name FROM waves WHERE id = ?').get(id) as { name: string }).name,
  );
}, 60_000);

afterAll(async () => {
  await fx.services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function jobInput(extra: Record<string, unknown>) {
  const parsed = jobStartInput.parse({
    kind: 'report.export',
    request: { surveyId: fx.demo.surveyId, waveIds: [fx.demo.waveIds[1]] },
    format: 'docx',
    lang: 'zh-CN',
    path: path.join(dir, 'report.docx'),
    ...extra,
  });
  if (parsed.kind !== 'report.export') throw new Error('not an export');
  return parsed;
}

describe('the report.export job input', () => {
  it('takes Word section ids and a comparison wave, and refuses unknown sections', () => {
    const input = jobInput({ sections: ['method', 'results'], compareWaveId: fx.demo.waveIds[0] });
    expect(input.sections).toEqual(['method', 'results']);
    expect(input.compareWaveId).toBe(fx.demo.waveIds[0]);
    expect(() => jobInput({ sections: ['method', 'summary'] })).toThrow();
    expect(() => jobInput({ sections: [] })).toThrow();
    expect(() => jobInput({ compareWaveId: 'wave one' })).toThrow();
  });

  it('writes only the chosen sections, comparing with the chosen wave', async () => {
    const input = jobInput({
      sections: ['method', 'results'],
      compareWaveId: fx.demo.waveIds[0],
      path: path.join(dir, 'chosen.docx'),
    });
    await exportToFile(fx.db, input);
    const text = await documentText(input.path);
    const words = wordsFor('zh-CN');
    // Numbered from 1 in the order of the report, whatever order they were asked in.
    expect(text).toContain(`1\u2003${words.section.method}`);
    expect(text).toContain(`2\u2003${words.section.results}`);
    for (const other of [
      'purpose',
      'sample',
      'drivers',
      'segments',
      'themes',
      'conclusions',
    ] as const)
      expect(text).not.toContain(words.section[other]);
    expect(text).not.toContain(words.contents);
    expect(text).not.toContain(words.confidential); // the cover

    // The comparison figures are the first wave's own analysis (same filters, that wave only).
    const first = await runAnalysis(
      fx.db,
      analysisRequest.parse({ surveyId: fx.demo.surveyId, waveIds: [fx.demo.waveIds[0]] }),
      { themes: getThemes(fx.db) },
    );
    expect(text).toContain(`上期（${waveNames[0]}）`);
    const before = first.dimensions[0]!.score as ScoreStat;
    expect(text).toContain(`上期为 ${before.score100.toFixed(1)} 分`);
    // The previous NPS is signed like this wave's (+2.0 beside −19.7), with a true minus.
    if (first.nps?.ok) expect(text).toContain(formats('—', true).signed(first.nps.nps));
    const firstItem = first.items.find((i) => i.score.ok)!;
    // Item tables compare item by item only when a previous analysis is given (not the trend).
    expect(text).toContain((firstItem.score as ScoreStat).score100.toFixed(1));
  }, 60_000);

  it('refuses a comparison wave of another survey, and writes nothing', async () => {
    const input = jobInput({
      compareWaveId: '00000000-0000-4000-8000-000000000000',
      path: path.join(dir, 'refused.docx'),
    });
    await expect(exportToFile(fx.db, input)).rejects.toBeInstanceOf(AppError);
    expect(fs.existsSync(input.path)).toBe(false);
    expect(fs.existsSync(`${input.path}.partial`)).toBe(false);
  });

  it('keeps the charts of the chosen sections only', async () => {
    const input = jobInput({
      sections: ['cover', 'purpose'],
      path: path.join(dir, 'nocharts.docx'),
    });
    await exportToFile(fx.db, input);
    // The purpose section has a table and no chart.
    expect(await mediaCount(input.path)).toBe(0);
  }, 60_000);
});

/** The responses of the fixture as plain rows, to count the field-work facts by hand. */
function responseRows(waveId?: string) {
  return (
    fx.db
      .prepare(
        'SELECT wave_id, status, channel, interviewer, device_id, started_at, completed_at FROM responses',
      )
      .all() as {
      wave_id: string;
      status: string;
      channel: string;
      interviewer: string | null;
      device_id: string;
      started_at: string;
      completed_at: string | null;
    }[]
  ).filter((r) => r.status !== 'void' && (!waveId || r.wave_id === waveId));
}

describe('the method section gets the field-work facts', () => {
  it('counts period, channels, interviewers and devices of the selection', () => {
    const wave = fx.demo.waveIds[1]!;
    const rows = responseRows(wave);
    const facts = fieldworkFacts(fx.db, { surveyId: fx.demo.surveyId, waveIds: [wave] });
    const starts = rows.map((r) => r.started_at).sort();
    const ends = rows.map((r) => r.completed_at ?? r.started_at).sort();
    expect(facts.period).toEqual({ from: starts[0], to: ends[ends.length - 1] });
    expect(facts.waves).toHaveLength(1);
    expect(facts.waves[0]).toMatchObject({ name: waveNames[1], responses: rows.length });
    const byChannel = new Map<string, number>();
    for (const r of rows) byChannel.set(r.channel, (byChannel.get(r.channel) ?? 0) + 1);
    expect(Object.fromEntries(facts.channels.map((c) => [c.channel, c.responses]))).toEqual(
      Object.fromEntries(byChannel),
    );
    expect(facts.channels.map((c) => c.responses)).toEqual(
      [...byChannel.values()].sort((a, b) => b - a),
    );
    const interviewers = new Set(rows.map((r) => r.interviewer?.trim()).filter(Boolean));
    expect(facts.interviewers).toBe(interviewers.size);
    expect(facts.devices).toBe(new Set(rows.map((r) => r.device_id)).size);
    expect(facts.samples).toEqual([]);
  });

  it('writes them in the method section: period, channel counts, people and a table per wave', async () => {
    const input = jobInput({
      request: { surveyId: fx.demo.surveyId },
      sections: ['method'],
      lang: 'en',
      path: path.join(dir, 'method.docx'),
    });
    await exportToFile(fx.db, input);
    const text = await documentText(input.path);
    const rows = responseRows();
    const starts = rows.map((r) => r.started_at).sort();
    const ends = rows.map((r) => r.completed_at ?? r.started_at).sort();
    expect(text).toContain(
      `Field work ran from ${starts[0]!.slice(0, 10)} to ${ends[ends.length - 1]!.slice(0, 10)}.`,
    );
    const words = wordsFor('en');
    expect(text).toContain(words.captions.fieldwork);
    expect(text).toContain(words.captions.channelsReturned);
    const interviews = rows.filter((r) => r.channel === 'interview').length;
    // "Account manager interview" and its count in the channel table.
    // "Account-manager interview" and its count in the channel table (one cell per line).
    const interviewLabel =
      words.channel.interview.charAt(0).toUpperCase() + words.channel.interview.slice(1);
    expect(text).toContain(`${interviewLabel}\n${interviews}\n`);
    const devices = new Set(rows.map((r) => r.device_id)).size;
    expect(text).toMatch(new RegExp(`on ${devices} devices?\\.`));
  }, 60_000);

  it('describes each wave’s sample when a sample source is given (the sampling extension point)', async () => {
    const wave = fx.demo.waveIds[1]!;
    const source: SampleFactsSource = (_db, waveIds) =>
      waveIds.map((id) => ({
        waveId: id,
        method: '按区域分层随机抽样',
        frame: 1200,
        drawn: 240,
        completed: 180,
      }));
    const input = jobInput({ sections: ['method'], path: path.join(dir, 'sample.docx') });
    await exportToFile(fx.db, input, { sampleFacts: source });
    const text = await documentText(input.path);
    expect(text).toContain(wordsFor('zh-CN').captions.samples);
    expect(text).toContain('按区域分层随机抽样');
    // 180 completed of 240 drawn = 75.0%.
    expect(text).toContain('按区域分层随机抽样\n1,200\n240\n180\n75.0%');
    expect(source(fx.db, [wave])[0]!.waveId).toBe(wave);
  }, 60_000);
});

function definition() {
  return readDefinition(fx.db, fx.demo.surveyId).definition;
}

describe('the report preview', () => {
  it('outlines every section in order, in the chosen language, from the same builders', async () => {
    const request = analysisRequest.parse({
      surveyId: fx.demo.surveyId,
      waveIds: [fx.demo.waveIds[1]],
    });
    const preview = await previewReport(fx.db, {
      request,
      lang: 'en',
      compareWaveId: fx.demo.waveIds[0],
    });
    // The demo survey has no improvement loop: no improvement chapter (see improvement-section.test.ts).
    expect(preview.sections.map((s) => s.id)).toEqual(
      REPORT_SECTIONS.filter((id) => id !== 'improvement'),
    );
    const words = wordsFor('en');
    const titles = preview.sections.flatMap((s) =>
      s.entries.flatMap((e) => (e.kind === 'heading' && e.level === 1 ? [e.title] : [])),
    );
    expect(titles).toEqual([
      words.contents,
      words.section.purpose,
      words.section.method,
      words.section.sample,
      words.section.results,
      words.section.drivers,
      words.section.segments,
      words.section.themes,
      words.section.conclusions,
      words.section.appendix,
    ]);
    expect(preview.compareWave).toBe(waveNames[0]);
    // The headline figures: the results' first table holds the index of this wave and the previous.
    const results = preview.sections.find((s) => s.id === 'results')!;
    const table = results.entries.find((e) => e.kind === 'table');
    expect(table?.kind).toBe('table');
    const docxInput = jobInput({
      lang: 'en',
      compareWaveId: fx.demo.waveIds[0],
      path: path.join(dir, 'previewed.docx'),
    });
    await exportToFile(fx.db, docxInput);
    const text = await documentText(docxInput.path);
    // Every heading, lead sentence and table row of the preview is in the document.
    for (const section of preview.sections)
      for (const entry of section.entries) {
        if (entry.kind === 'heading' && entry.number)
          expect(text).toContain(
            `${entry.number}${entry.level === 1 ? '\u2003' : '\u2002'}${entry.title}`,
          );
        if (entry.kind === 'text') expect(text).toContain(entry.text);
        if (entry.kind === 'table') expect(text).toContain(entry.title);
      }
    // Charts: one PNG per figure, from the chart renderer.
    const figures = preview.sections.flatMap((s) => s.entries.filter((e) => e.kind === 'figure'));
    expect(figures.length).toBeGreaterThan(5);
    expect(figures.length).toBe(await mediaCount(docxInput.path));
    for (const figure of figures) {
      if (figure.kind !== 'figure') continue;
      const chart = preview.charts[figure.id]!;
      const png = Buffer.from(chart.src.replace(/^data:image\/png;base64,/, ''), 'base64');
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(chart.width * 2);
    }
  }, 120_000);

  it('is in Chinese when asked, with the cover facts', async () => {
    const request = analysisRequest.parse({
      surveyId: fx.demo.surveyId,
      waveIds: [fx.demo.waveIds[1]],
    });
    const preview = await previewReport(fx.db, {
      request,
      lang: 'zh-CN',
      sections: ['cover', 'method'],
    });
    expect(preview.sections.map((s) => s.id)).toEqual(['cover', 'method']);
    const cover = preview.sections[0]!.entries[0]!;
    expect(cover.kind).toBe('cover');
    if (cover.kind === 'cover') {
      expect(cover.subtitle).toBe('调查报告');
      expect(cover.title).toBe(textIn(definition().title, 'zh-CN'));
      expect(cover.facts).toContainEqual(['调查批次', waveNames[1]]);
    }
    const method = preview.sections[1]!.entries;
    expect(method[0]).toEqual({ kind: 'heading', level: 1, number: '1', title: '调查方法' });
    expect(method.some((e) => e.kind === 'text' && e.text.startsWith('调查时间为'))).toBe(true);
  }, 60_000);
});

describe('how the report writes changes and chart labels', () => {
  it('signs the number as written: a change that rounds to zero is ±0.0', () => {
    const fmt = formats('—', true);
    expect(fmt.signed(-0.04)).toBe('±0.0');
    expect(fmt.signed(0.04)).toBe('±0.0');
    expect(fmt.signed(-0.05)).toBe('−0.1');
    expect(fmt.signed(1.26)).toBe('+1.3');
    expect(fmt.signed(-2.5, 2)).toBe('−2.50');
    expect(fmt.signed(null)).toBe('—');
  });

  it('never starts a chart label line with a closing mark', () => {
    // 16 characters = 32 units: the 16th, "？", would start line 2; it stays on line 1.
    expect(wrapLabel('总体而言，您对我们的服务满意吗？', 30, 2)).toEqual([
      '总体而言，您对我们的服务满意吗？',
    ]);
    // Otherwise lines break at 30 units (15 Chinese characters).
    expect(wrapLabel('服务人员能够及时响应我的咨询或需求并给出答复', 30, 2)).toEqual([
      '服务人员能够及时响应我的咨询或',
      '需求并给出答复',
    ]);
  });
});
