/**
 * The analysis of one survey: load its responses, apply the cleaning rules, then scores,
 * segments, drivers, trends, cross-tabs and open answers. Pure given the dataset; `runAnalysis`
 * adds the reading from SQLite. Runs in a job worker so the window never waits on it.
 */
import {
  ANALYSIS_ATTRIBUTES,
  type AnalysisRequest,
  type AnalysisResult,
  type CleaningSummary,
  type CrossTabResult,
  type NpsResult,
  type TextResult,
  type TrendChange,
  type TrendWave,
  type Unavailable,
} from '../../shared/analysis';
import {
  definitionSchema,
  variablesOf,
  type SurveyDefinition,
} from '../../shared/questionnaire/model';
import type { Db } from '../db/connection';
import { isAnalysable } from '../fieldwork/flags';
import { loadDataset, type Dataset } from './dataset';
import { keyDrivers, type DriverInput } from './drivers';
import { compareSegments } from './segments';
import { dimensionScores, itemResults, scaleItems, scoreOf } from './scores';
import { chiSquareTest } from './stats/chi-square';
import { exploratoryFactorAnalysis } from './stats/factor';
import { netPromoterScore } from './stats/nps';
import { toHundred } from './stats/scores';
import { welchTest } from './stats/two-groups';
import {
  DEFAULT_THEMES,
  loadSegmenter,
  termFrequencies,
  themeCounts,
  type Segmenter,
  type ThemeRule,
} from './text';

export interface AnalysisProgress {
  (done: number, total: number): void;
}

function subset(column: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = column[rows[i]!]!;
  return out;
}

function cleaning(
  dataset: Dataset,
  inWaves: boolean[],
  quality: AnalysisRequest['quality'],
): { summary: CleaningSummary; rows: Int32Array } {
  const excludedByRule: Record<string, number> = {};
  const rows: number[] = [];
  let total = 0;
  let incomplete = 0;
  let excluded = 0;
  for (let i = 0; i < dataset.n; i++) {
    if (!inWaves[i]) continue;
    total++;
    if (dataset.statuses[i] !== 'complete') {
      incomplete++;
      continue;
    }
    const standing = dataset.flags[i]!.filter((f) => f.override?.keep !== true);
    if (quality === 'clean' && !isAnalysable(dataset.statuses[i]!, dataset.flags[i]!)) {
      excluded++;
      for (const f of standing) excludedByRule[f.rule] = (excludedByRule[f.rule] ?? 0) + 1;
      continue;
    }
    rows.push(i);
  }
  const weightedN = rows.reduce((s, i) => s + dataset.weights[i]!, 0);
  return {
    summary: { total, incomplete, excludedByRule, excluded, analysed: rows.length, weightedN },
    rows: Int32Array.from(rows),
  };
}

/** The 'overall' satisfaction item: a Likert question outside every dimension, preferably named overall. */
function satisfactionQuestion(definition: SurveyDefinition): string | null {
  const candidates = variablesOf(definition).filter(
    (v) => v.question.type === 'likert' && v.question.dimension === null,
  );
  return (candidates.find((v) => /overall|satisf/i.test(v.name)) ?? candidates[0])?.name ?? null;
}

export async function analyse(
  definition: SurveyDefinition,
  versionNo: number,
  dataset: Dataset,
  request: AnalysisRequest,
  options: {
    themes?: ThemeRule[];
    segment?: Segmenter;
    progress?: AnalysisProgress;
    loadMs?: number;
  } = {},
): Promise<AnalysisResult> {
  const started = performance.now();
  const progress = options.progress ?? (() => undefined);
  const conversion = request.conversion;
  const waveFilter = request.waveIds?.length ? new Set(request.waveIds) : null;
  const inWaves = dataset.waveIds.map((w) => !waveFilter || (w !== null && waveFilter.has(w)));
  const { summary, rows } = cleaning(dataset, inWaves, request.quality);
  const weights = subset(dataset.weights, rows);
  const labelsOf = (attribute: (typeof ANALYSIS_ATTRIBUTES)[number]) =>
    Array.from(rows, (i) => dataset.attributes[attribute][i]!);
  progress(1, 8);

  const items = scaleItems(definition, dataset.numeric, rows);
  const dims = dimensionScores(definition, items, weights, conversion);
  const index = scoreOf(dims.index, dims.points, weights, conversion, false);
  const satisfactionName = satisfactionQuestion(definition);
  const satisfactionValues = satisfactionName
    ? subset(dataset.numeric.get(satisfactionName)!, rows)
    : null;
  const satisfactionPoints = satisfactionName
    ? (
        variablesOf(definition).find((v) => v.name === satisfactionName)!.question as {
          points: number;
        }
      ).points
    : 5;
  progress(2, 8);

  const npsName = variablesOf(definition).find((v) => v.question.type === 'nps')?.name ?? null;
  let nps: NpsResult | Unavailable | null = null;
  if (npsName) {
    const r = netPromoterScore(subset(dataset.numeric.get(npsName)!, rows), { weights });
    nps = r.ok
      ? {
          ok: true,
          question: npsName,
          n: r.n,
          promoters: r.promoters,
          passives: r.passives,
          detractors: r.detractors,
          promoterShare: r.promoterShare,
          passiveShare: r.passiveShare,
          detractorShare: r.detractorShare,
          nps: r.nps,
          ci: r.interval.ok ? { lower: r.interval.lower, upper: r.interval.upper } : null,
        }
      : { ok: false, reason: r.reason };
  }
  progress(3, 8);

  const segments = [
    ...ANALYSIS_ATTRIBUTES.map((attribute) =>
      compareSegments(
        attribute,
        labelsOf(attribute),
        dims.index,
        dims.perRespondent,
        weights,
        dims.points,
        conversion,
      ),
    ),
    // Imported attributes with a handful of values (a store, a branch...), not identifiers.
    ...segmentableCustom(dataset, rows).map(([name, labels]) =>
      compareSegments(
        `attr:${name}`,
        labels,
        dims.index,
        dims.perRespondent,
        weights,
        dims.points,
        conversion,
      ),
    ),
  ].filter((s): s is NonNullable<typeof s> => s !== null);
  progress(4, 8);

  const driverTarget = satisfactionValues ?? dims.index;
  const itemScores = itemResults(items, weights, conversion);
  const driverInputs: DriverInput[] = [
    ...dims.results.map((d) => ({
      id: d.id,
      kind: 'dimension' as const,
      label: d.name,
      values: dims.perRespondent.get(d.id)!,
      performance: d.score.ok ? d.score.score100 : null,
    })),
    // Every item but the satisfaction item itself, which is the target (r = 1 with itself).
    ...items.flatMap((item, k) =>
      item.name === satisfactionName
        ? []
        : [
            {
              id: item.name,
              kind: 'item' as const,
              label: item.label,
              values: item.values,
              performance: itemScores[k]!.score.ok
                ? (itemScores[k]!.score as { score100: number }).score100
                : null,
            },
          ],
    ),
  ];
  const drivers = keyDrivers(driverTarget, driverInputs, weights);
  progress(5, 8);

  const trends = trendsAcrossWaves(definition, dataset, request, conversion);
  progress(6, 8);

  const crosstabs = crossTabs(definition, dataset, rows, weights, request.crossBy);
  const segment = options.segment ?? (await loadSegmenter());
  const texts: TextResult[] = [];
  for (const { name, question } of variablesOf(definition)) {
    if (question.type !== 'text' || question.personal || !question.multiline) continue;
    const column = dataset.texts.get(name);
    if (!column) continue;
    const answers = Array.from(rows, (i) => column[i] ?? null);
    const filled = answers.filter((t): t is string => !!t && t.trim().length > 0);
    const themes = themeCounts(answers, satisfactionValues, options.themes ?? DEFAULT_THEMES);
    const frequencies = termFrequencies(filled, segment, 30);
    texts.push({
      question: name,
      label: question.label,
      answered: themes.answered,
      wordsFrom: frequencies.sampled,
      words: frequencies.words,
      phrases: frequencies.phrases,
      themes: themes.themes.map(({ rows: themeRows, ...t }) => ({
        ...t,
        responseIds: themeRows.slice(0, 200).map((r) => dataset.ids[rows[r]!]!),
      })),
    });
  }
  progress(7, 8);

  const distinct = (values: (string | null)[]) =>
    [...new Set(values.filter((v): v is string => v !== null))].sort();
  const attributeValues = Object.fromEntries([
    ...ANALYSIS_ATTRIBUTES.map((a) => [a, distinct(dataset.attributes[a])]),
    // Imported attributes that can filter: not identifiers with a value per respondent.
    ...[...dataset.custom].flatMap(([name, values]) => {
      const found = distinct(values);
      const filled = values.filter((v) => v !== null).length;
      const categorical = found.length <= MAX_FILTER_VALUES && found.length * 2 <= filled;
      return categorical ? [[`attr:${name}`, found]] : [];
    }),
  ]) as AnalysisResult['attributeValues'];
  const result: AnalysisResult = {
    request,
    surveyTitle: definition.title,
    versionNo,
    generatedAt: new Date().toISOString(),
    cleaning: summary,
    index,
    satisfaction:
      satisfactionName && satisfactionValues
        ? {
            question: satisfactionName,
            score: scoreOf(satisfactionValues, satisfactionPoints, weights, conversion, true),
          }
        : null,
    nps,
    dimensions: dims.results,
    items: itemScores,
    segments,
    drivers: {
      target: satisfactionName ?? 'index',
      rSquared: drivers.rSquared,
      list: drivers.list,
    },
    priorities: drivers.priorities,
    trends,
    crosstabs,
    texts,
    factor: factorStructure(items, weights),
    attributeValues,
    waves: dataset.waves.map((w) => ({ id: w.id, name: w.name })),
    timings: { loadMs: options.loadMs ?? 0, computeMs: performance.now() - started },
  };
  progress(8, 8);
  return result;
}

/**
 * Imported attributes are categories (compared as segments, offered as filters) when their values
 * repeat: at least two respondents a value on average, so identifiers are left out. Compared when
 * they have 2 to MAX_CUSTOM_GROUPS values among the analysed; filters up to MAX_FILTER_VALUES.
 */
const MAX_CUSTOM_GROUPS = 30;
const MAX_FILTER_VALUES = 200;

/** The analysed respondents' values of each imported attribute worth comparing. */
function segmentableCustom(dataset: Dataset, rows: Int32Array): [string, (string | null)[]][] {
  const out: [string, (string | null)[]][] = [];
  for (const [name, column] of dataset.custom) {
    const labels = Array.from(rows, (i) => column[i] ?? null);
    const filled = labels.filter((v) => v !== null);
    const values = new Set(filled);
    if (values.size >= 2 && values.size <= MAX_CUSTOM_GROUPS && values.size * 2 <= filled.length)
      out.push([name, labels]);
  }
  return out;
}

/**
 * Exploratory factor analysis (principal axis, varimax) of all scale items: do the items load on
 * the dimensions they were designed for?
 */
function factorStructure(
  items: ReturnType<typeof scaleItems>,
  weights: Float64Array,
): AnalysisResult['factor'] {
  if (items.length < 3) return { ok: false, reason: 'not_enough_items' };
  const efa = exploratoryFactorAnalysis(
    items.map((i) => i.values),
    { weights, extraction: 'principal-axis', rotation: 'varimax', names: items.map((i) => i.name) },
  );
  if (!efa.ok) return { ok: false, reason: efa.reason };
  return {
    ok: true,
    factors: efa.nFactors,
    eigenvalues: [...efa.eigenvalues],
    loadings: items.map((item, k) => ({
      item: item.name,
      dimension: item.dimension,
      loadings: [...efa.loadings[k]!],
      communality: efa.communalities[k]!,
    })),
  };
}

/** The same questionnaire across every wave: index, dimensions and NPS per wave, with tested changes. */
function trendsAcrossWaves(
  definition: SurveyDefinition,
  dataset: Dataset,
  request: AnalysisRequest,
  conversion: AnalysisRequest['conversion'],
): { waves: TrendWave[]; changes: TrendChange[] } {
  const perWave: {
    wave: TrendWave;
    index: Float64Array;
    dims: Map<string, Float64Array>;
    weights: Float64Array;
  }[] = [];
  for (const wave of dataset.waves) {
    const { rows } = cleaning(
      dataset,
      dataset.waveIds.map((w) => w === wave.id),
      request.quality,
    );
    if (rows.length === 0) continue;
    const weights = subset(dataset.weights, rows);
    const items = scaleItems(definition, dataset.numeric, rows);
    const dims = dimensionScores(definition, items, weights, conversion);
    const index = scoreOf(dims.index, dims.points, weights, conversion, false);
    const npsName = variablesOf(definition).find((v) => v.question.type === 'nps')?.name;
    const nps = npsName
      ? netPromoterScore(subset(dataset.numeric.get(npsName)!, rows), { weights })
      : null;
    perWave.push({
      wave: {
        id: wave.id,
        name: wave.name,
        n: rows.length,
        index: index.ok ? index.score100 : null,
        dimensions: Object.fromEntries(
          dims.results.map((d) => [d.id, d.score.ok ? d.score.score100 : null]),
        ),
        nps: nps?.ok ? nps.nps : null,
      },
      index: dims.index.map((v) => (Number.isNaN(v) ? v : toHundred(v, dims.points, conversion))),
      dims: new Map(
        [...dims.perRespondent].map(([id, v]) => [
          id,
          v.map((x) => (Number.isNaN(x) ? x : toHundred(x, dims.points, conversion))),
        ]),
      ),
      weights,
    });
  }
  const changes: TrendChange[] = [];
  for (let k = 1; k < perWave.length; k++) {
    const a = perWave[k - 1]!;
    const b = perWave[k]!;
    const measures: [string, Float64Array, Float64Array][] = [
      ['index', a.index, b.index],
      ...[...a.dims.keys()]
        .filter((id) => b.dims.has(id))
        .map((id): [string, Float64Array, Float64Array] => [id, a.dims.get(id)!, b.dims.get(id)!]),
    ];
    for (const [measure, before, after] of measures) {
      const t = welchTest(
        { values: before, weights: a.weights },
        { values: after, weights: b.weights },
      );
      if (!t.ok) continue;
      changes.push({
        from: a.wave.id,
        to: b.wave.id,
        measure,
        difference: -t.meanDifference,
        p: t.p,
        significant: t.p < 0.05,
      });
    }
  }
  return { waves: perWave.map((w) => w.wave), changes };
}

function crossTabs(
  definition: SurveyDefinition,
  dataset: Dataset,
  rows: Int32Array,
  weights: Float64Array,
  by: AnalysisRequest['crossBy'],
): CrossTabResult[] {
  const labels = Array.from(rows, (i) => dataset.attributes[by][i]!);
  const groupValues = [...new Set(labels.filter((l): l is string => l !== null))].sort();
  if (groupValues.length === 0) return [];
  const out: CrossTabResult[] = [];
  for (const { name, question } of variablesOf(definition)) {
    if (
      question.type !== 'single' &&
      question.type !== 'range' &&
      question.type !== 'dropdown' &&
      question.type !== 'multiple'
    )
      continue;
    if (question.personal) continue;
    const column = dataset.choices.get(name);
    if (!column) continue;
    const options = question.choices.map((c) => ({ value: c.value, label: c.label }));
    const groups = groupValues.map((value) => ({ value, n: 0, counts: options.map(() => 0) }));
    const groupIndex = new Map(groupValues.map((v, i) => [v, i]));
    rows.forEach((row, i) => {
      const g = labels[i] === null ? undefined : groupIndex.get(labels[i]!);
      const answer = column[row];
      if (g === undefined || answer === null || answer === undefined) return;
      const group = groups[g]!;
      group.n += weights[i]!;
      for (const v of Array.isArray(answer) ? answer : [answer]) {
        const k = options.findIndex((o) => o.value === v);
        if (k >= 0) group.counts[k]! += weights[i]!;
      }
    });
    const multiple = question.type === 'multiple';
    let chiSquare: CrossTabResult['chiSquare'] = null;
    if (!multiple) {
      const table = groups.filter((g) => g.n > 0).map((g) => g.counts);
      const test = table.length >= 2 ? chiSquareTest(table) : null;
      if (test?.ok)
        chiSquare = {
          chi2: test.chiSquare,
          df: test.df,
          p: test.p,
          cramersV: test.cramersV,
          lowExpected: test.lowExpected.cells > 0,
        };
    }
    out.push({ question: name, label: question.label, multiple, by, options, groups, chiSquare });
  }
  return out;
}

/** Reads the survey's latest published (else draft) definition and its responses, then analyses. */
export async function runAnalysis(
  db: Db,
  request: AnalysisRequest,
  options: { themes?: ThemeRule[]; progress?: AnalysisProgress } = {},
): Promise<AnalysisResult> {
  const row = db
    .prepare(
      "SELECT definition, version_no FROM survey_versions WHERE survey_id = ? ORDER BY status = 'published' DESC, version_no DESC LIMIT 1",
    )
    .get(request.surveyId) as { definition: string; version_no: number } | undefined;
  if (!row) throw new Error(`survey ${request.surveyId} not found`);
  const definition = definitionSchema.parse(JSON.parse(row.definition));
  const loadStart = performance.now();
  const dataset = loadDataset(db, definition, {
    surveyId: request.surveyId,
    channel: request.channel,
    segment: request.segment,
    from: request.from,
    to: request.to,
  });
  const loadMs = performance.now() - loadStart;
  return analyse(definition, row.version_no, dataset, request, { loadMs, ...options });
}
