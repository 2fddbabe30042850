/**
 * The first sheet: what was analysed, the headline figures (index, satisfaction, NPS, cleaning
 * counts) and each target of the survey against its current value. With a comparison wave, each
 * headline figure has that wave's value beside it and the change (this wave minus that one).
 */
import type ExcelJS from 'exceljs';
import type { AnalysisResult, Score } from '../../../shared/analysis';
import type { Target } from '../../../shared/questionnaire/model';
import { createI18n } from '../../../shared/i18n';
import { fill } from '../texts';
import type { ReportContext } from './report-context';
import {
  HEADER_STYLE,
  INDENT_STYLE,
  NOTE_STYLE,
  PRINT_OPTIONS,
  SECTION_STYLE,
  TITLE_STYLE,
  WARNING_STYLE,
  change,
  changeFormat,
  putCell,
  type CellInput,
  type Format,
  type Workbook,
} from './sheet-kit';

interface Line {
  /** Matches a line of this wave with the same line of the comparison wave. */
  key: string;
  label: string;
  /** A part of the line above (a rule's count, a share of the NPS). */
  sub?: boolean;
  value: CellInput;
  format?: Format;
  note?: string;
}

/** A target's current value, on the scale it is written on: answer points (3.5 of 5) or 100 points. */
export function currentForTarget(target: Target, result: AnalysisResult): number | null {
  if (target.metric === 'nps') return result.nps?.ok ? result.nps.nps : null;
  const score: Score | undefined =
    result.dimensions.find((d) => d.id === target.metric)?.score ??
    result.items.find((i) => i.name === target.metric)?.score ??
    (target.metric === 'overall' || target.metric === 'index' ? result.index : undefined);
  if (!score?.ok) return null;
  const points = result.items[0]?.points ?? 5;
  return target.target <= points ? score.mean : score.score100;
}

function keyFigures(ctx: ReportContext, result: AnalysisResult): Line[] {
  const { texts, lang } = ctx;
  const s = texts.summary;
  const t = createI18n(lang).t;
  const unavailable = (reason: string) => fill(s.unavailable, { reason });
  const c = result.cleaning;
  const lines: Line[] = [
    { key: 'total', label: s.total, value: c.total, format: 'integer' },
    { key: 'incomplete', label: s.incomplete, value: c.incomplete, format: 'integer' },
    { key: 'excluded', label: s.excluded, value: c.excluded, format: 'integer' },
    ...Object.entries(c.excludedByRule).map(([rule, n]) => ({
      key: `excluded.${rule}`,
      label: fill(s.excludedBy, { rule: t(`register.rule.${rule}`, { defaultValue: rule }) }),
      sub: true,
      value: n,
      format: 'integer' as const,
    })),
    { key: 'analysed', label: s.analysed, value: c.analysed, format: 'integer' },
  ];
  const index = result.index;
  lines.push(
    index.ok
      ? {
          key: 'index',
          label: s.index,
          value: index.score100,
          format: 'score',
          note: result.request.conversion === 'ratio' ? s.conversionRatio : s.conversionRange,
        }
      : { key: 'index', label: s.index, value: null, note: unavailable(index.reason) },
  );
  if (index.ok && index.high !== null)
    lines.push({ key: 'high', label: s.high, value: index.high, format: 'share' });
  const satisfaction = result.satisfaction?.score;
  if (satisfaction) {
    if (satisfaction.ok) {
      lines.push({
        key: 'overall',
        label: s.overall,
        value: satisfaction.score100,
        format: 'score',
      });
      lines.push({
        key: 'overallMean',
        label: s.overallMean,
        value: satisfaction.mean,
        format: 'mean',
        note: `n = ${satisfaction.n}`,
      });
      if (satisfaction.top2 !== null)
        lines.push({ key: 'top2', label: s.top2, value: satisfaction.top2, format: 'share' });
    } else
      lines.push({
        key: 'overall',
        label: s.overall,
        value: null,
        note: unavailable(satisfaction.reason),
      });
  }
  const nps = result.nps;
  if (nps?.ok) {
    const interval = nps.ci
      ? fill(s.npsInterval, { lower: nps.ci.lower.toFixed(1), upper: nps.ci.upper.toFixed(1) })
      : '';
    const share = (key: string, label: string, value: number): Line => ({
      key,
      label,
      sub: true,
      value,
      format: 'share',
    });
    lines.push({ key: 'nps', label: s.nps, value: nps.nps, format: 'score', note: interval });
    lines.push(share('promoters', s.promoters, nps.promoterShare));
    lines.push(share('passives', s.passives, nps.passiveShare));
    lines.push(share('detractors', s.detractors, nps.detractorShare));
  } else if (nps)
    lines.push({ key: 'nps', label: s.nps, value: null, note: unavailable(nps.reason) });
  const target = result.items.find((i) => i.name === result.drivers.target);
  lines.push({
    key: 'driversTarget',
    label: s.driversTarget,
    value: target ? ctx.label(target.label) : s.index,
  });
  lines.push({
    key: 'rSquared',
    label: s.rSquared,
    value: result.drivers.rSquared,
    format: 'mean',
  });
  return lines;
}

const CENTRED_STYLE: Partial<ExcelJS.Style> = {
  alignment: { horizontal: 'center', vertical: 'top' },
};

function styleRow(row: ExcelJS.Row, style: Partial<ExcelJS.Style>, columns: number): void {
  for (let k = 1; k <= columns; k++) row.getCell(k).style = style;
}

export function writeSummarySheet(workbook: Workbook, ctx: ReportContext): void {
  const { result, texts, definition } = ctx;
  const s = texts.summary;
  const sheet = workbook.addWorksheet(texts.sheet.summary, {
    ...PRINT_OPTIONS,
    pageSetup: { ...PRINT_OPTIONS.pageSetup, orientation: 'portrait' },
    views: [{ state: 'frozen', ySplit: 1, showGridLines: false }],
  });
  const previous = ctx.previous;
  sheet.columns = previous
    ? [{ width: 40 }, { width: 20 }, { width: 20 }, { width: 14 }, { width: 30 }]
    : [{ width: 40 }, { width: 20 }, { width: 14 }, { width: 14 }, { width: 10 }];
  const add = (
    values: CellInput[],
    formats: Format[] = [],
    style?: Partial<ExcelJS.Style>,
  ): ExcelJS.Row => {
    const row = sheet.addRow([]);
    values.forEach((value, k) => putCell(row.getCell(k + 1), value, formats[k]));
    if (style) styleRow(row, style, values.length);
    return row;
  };
  const commit = (row: ExcelJS.Row) => row.commit();

  const title = add([`${ctx.label(result.surveyTitle)} · ${s.title}`], [], TITLE_STYLE);
  title.height = 24;
  commit(title);
  if (ctx.includePersonal) commit(add([s.personalWarning], [], WARNING_STYLE));
  const waves = result.request.waveIds?.length
    ? result.waves
        .filter((w) => result.request.waveIds!.includes(w.id))
        .map((w) => w.name)
        .join(', ')
    : s.allWaves;
  const meta: [string, CellInput, Format?][] = [
    [s.version, `v${result.versionNo}`],
    [s.generated, new Date(result.generatedAt), 'datetime'],
    [s.waves, waves],
    [s.quality, result.request.quality === 'clean' ? s.qualityClean : s.qualityAll],
    [s.conversion, result.request.conversion === 'ratio' ? s.conversionRatio : s.conversionRange],
    ...(previous ? [[s.comparedWith, previous.name] as [string, CellInput]] : []),
  ];
  for (const [label, value, format] of meta) {
    const row = add([label, value], ['general', format ?? 'general']);
    row.getCell(1).style = NOTE_STYLE;
    commit(row);
  }
  commit(add([]));
  commit(add([s.keyFigures], [], SECTION_STYLE));
  if (previous) {
    // This wave, the comparison wave, the change (signed), then the note.
    const before = new Map(keyFigures(ctx, previous.result).map((line) => [line.key, line]));
    commit(
      add(
        [s.indicator, s.value, fill(s.previous, { wave: previous.name }), s.change, s.note],
        [],
        HEADER_STYLE,
      ),
    );
    for (const line of keyFigures(ctx, result)) {
      const format = line.format ?? 'general';
      const earlier = before.get(line.key)?.value;
      // A text (the drivers' target) is shown for this wave only.
      const previousValue = typeof line.value === 'string' ? null : earlier;
      const row = add(
        [line.label, line.value, previousValue, change(line.value, earlier), line.note],
        ['general', format, format, changeFormat(format), 'general'],
      );
      if (line.sub) row.getCell(1).style = INDENT_STYLE;
      if (line.note) row.getCell(5).style = INDENT_STYLE;
      commit(row);
    }
  } else {
    commit(add([s.indicator, s.value, s.note], [], HEADER_STYLE));
    for (const line of keyFigures(ctx, result)) {
      const row = add([line.label, line.value, line.note], ['general', line.format ?? 'general']);
      if (line.sub) row.getCell(1).style = INDENT_STYLE;
      if (line.note) row.getCell(3).style = INDENT_STYLE;
      commit(row);
    }
  }

  commit(add([]));
  commit(add([s.targets], [], SECTION_STYLE));
  if (definition.targets.length === 0) commit(add([s.noTargets], [], NOTE_STYLE));
  else {
    commit(add([s.metric, s.baseline, s.target, s.current, s.met], [], HEADER_STYLE));
    for (const target of definition.targets) {
      const current = currentForTarget(target, result);
      const dimension = definition.dimensions.find((d) => d.id === target.metric);
      const name =
        ctx.label(target.label) || (dimension ? ctx.label(dimension.name) : target.metric);
      const onScale = target.metric !== 'nps' && target.target <= (result.items[0]?.points ?? 5);
      const format: Format = onScale ? 'mean' : 'score';
      const met = current === null ? null : current >= target.target ? s.yes : s.no;
      const row = add(
        [name, target.baseline, target.target, current, met],
        ['general', format, format, format, 'general'],
      );
      row.getCell(5).style = CENTRED_STYLE;
      commit(row);
    }
  }
  sheet.commit();
}
