/** What the analysis engine returns: every figure the analysis screen, the CLI and reports show. */
import { z } from 'zod';
import type { LocalizedText } from './questionnaire/model';

export const ANALYSIS_ATTRIBUTES = [
  'wave',
  'type',
  'stage',
  'region',
  'industry',
  'size',
  'channel',
  'interviewer',
] as const;
export type AnalysisAttribute = (typeof ANALYSIS_ATTRIBUTES)[number];

/**
 * A respondent attribute brought by an imported file (a column that is neither a question nor a
 * response or customer field, kept in responses.attributes), named `attr:<column header>`.
 */
export type CustomAttribute = `attr:${string}`;
/** What segments compare and filter by: a built-in attribute or a custom one. */
export type SegmentAttribute = AnalysisAttribute | CustomAttribute;

export const CUSTOM_ATTRIBUTE_PREFIX = 'attr:';

export function isCustomAttribute(attribute: string): attribute is CustomAttribute {
  return attribute.startsWith(CUSTOM_ATTRIBUTE_PREFIX) && attribute.length > 5;
}

/** `attr:门店` -> `门店`. */
export function customAttributeName(attribute: CustomAttribute): string {
  return attribute.slice(CUSTOM_ATTRIBUTE_PREFIX.length);
}

/** An imported attribute's value as text (files bring texts; numbers and booleans read as such). */
export function attributeValueText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

export const segmentAttribute = z.union([
  z.enum(ANALYSIS_ATTRIBUTES),
  z.templateLiteral([CUSTOM_ATTRIBUTE_PREFIX, z.string().min(1).max(100)]),
]);

/**
 * The sections of the Word survey report, in document order; the manager can leave any out. The
 * builders are registered by id in main/reports/word/report.ts (a new section = an id here, in
 * that order, plus its builder and its title in main/reports/word/texts.ts).
 */
export const REPORT_SECTIONS = [
  'cover',
  'contents',
  'purpose',
  'method',
  'sample',
  'results',
  'drivers',
  'segments',
  'themes',
  'conclusions',
  'improvement',
  'appendix',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/**
 * What a Word report says, in order, recorded as its sections are laid out: the preview shows it
 * before the file is written, so it cannot drift from the document.
 */
export type OutlineEntry =
  | { kind: 'cover'; title: string; subtitle: string; facts: [label: string, value: string][] }
  | { kind: 'heading'; level: 1 | 2; number: string | null; title: string }
  | { kind: 'text'; text: string }
  | { kind: 'table'; title: string; columns: string[]; rows: string[][]; totalRows: number }
  | { kind: 'figure'; id: string; caption: string };

export interface OutlineSection {
  id: ReportSection;
  entries: OutlineEntry[];
}

/** The result of a 'report.preview' job: every section's outline, and its charts as PNG data. */
export interface ReportPreview {
  lang: 'zh-CN' | 'en';
  sections: OutlineSection[];
  /** Chart id -> a data: URL of the PNG the document embeds, with its placed size in pixels. */
  charts: Record<string, { src: string; width: number; height: number }>;
  warnings: string[];
  /** The wave the figures are compared with, if any. */
  compareWave: string | null;
  ms: number;
}

export const analysisRequest = z.strictObject({
  surveyId: z.uuid(),
  /** Waves analysed (default: all); trends always span every wave. */
  waveIds: z.array(z.uuid()).max(50).optional(),
  channel: z.enum(['interview', 'kiosk', 'paper', 'import']).optional(),
  segment: z.strictObject({ attribute: segmentAttribute, value: z.string().max(200) }).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** 'clean': complete responses without a standing quality flag; 'all': every complete response. */
  quality: z.enum(['clean', 'all']).default('clean'),
  /** The headline 100-point conversion: mean/points x 100 ('ratio') or (mean-1)/(points-1) x 100 ('range'). */
  conversion: z.enum(['ratio', 'range']).default('ratio'),
  /** The attribute cross-tabs of choice questions are split by. */
  crossBy: z.enum(ANALYSIS_ATTRIBUTES).default('type'),
});
export type AnalysisRequest = z.infer<typeof analysisRequest>;

/** A figure that could not be computed, and why (instead of NaN). */
export interface Unavailable {
  ok: false;
  reason: string;
}

export interface ScoreStat {
  ok: true;
  n: number;
  nWeighted: number;
  missing: number;
  mean: number;
  sd: number | null;
  median: number;
  /** On the headline 100-point conversion, and on the other one. */
  score100: number;
  score100Other: number;
  /** Share of respondents in the top two boxes (4 or 5 of 5). */
  top2: number | null;
  /** Share of respondents at >= 90 of 100. */
  high: number | null;
  distribution: { value: number; count: number; share: number }[];
}

export type Score = ScoreStat | Unavailable;

export interface ItemResult {
  name: string;
  label: LocalizedText;
  dimension: string | null;
  points: number;
  reverse: boolean;
  score: Score;
}

export interface DimensionResult {
  id: string;
  name: LocalizedText;
  weight: number;
  items: string[];
  score: Score;
  alpha:
    | {
        ok: true;
        alpha: number;
        ifDeleted: { item: string; alpha: number | null; itemTotal: number | null }[];
      }
    | Unavailable;
  target: { baseline: number | null; target: number } | null;
}

export interface NpsResult {
  ok: true;
  question: string;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  promoterShare: number;
  passiveShare: number;
  detractorShare: number;
  nps: number;
  ci: { lower: number; upper: number } | null;
}

export interface CleaningSummary {
  /** Responses of the selection, voided ones left out. */
  total: number;
  incomplete: number;
  /** Complete responses excluded by each rule (one response can count under several). */
  excludedByRule: Record<string, number>;
  excluded: number;
  analysed: number;
  weightedN: number;
}

export interface SegmentGroup {
  value: string;
  n: number;
  mean: number | null;
  score100: number | null;
  dimensions: Record<string, number | null>;
}

export interface SegmentResult {
  attribute: SegmentAttribute;
  groups: SegmentGroup[];
  test:
    | { kind: 'welch'; t: number; df: number; p: number; effect: number; effectName: 'hedges_g' }
    | {
        kind: 'anova';
        F: number;
        df1: number;
        df2: number;
        p: number;
        welchF: number | null;
        welchP: number | null;
        effect: number;
        effectName: 'eta_squared';
      }
    | { kind: 'none'; reason: string };
  pairwise: { a: string; b: string; difference: number; p: number }[];
  /** Groups below 5 respondents: shown, with a warning. */
  smallGroups: string[];
  /** Per dimension: p of the same test. */
  dimensionP: Record<string, number | null>;
}

export interface DriverResult {
  id: string;
  kind: 'dimension' | 'item';
  label: LocalizedText;
  importance: number | null;
  p: number | null;
  beta: number | null;
  performance: number | null;
  quadrant: 'strength' | 'priority' | 'maintain' | 'secondary' | null;
}

export interface PriorityItem {
  rank: number;
  id: string;
  kind: 'dimension' | 'item';
  label: LocalizedText;
  performance: number;
  importance: number;
  /** Higher = fix first: high importance, low performance. */
  urgency: number;
}

export interface TrendWave {
  id: string;
  name: string;
  n: number;
  index: number | null;
  dimensions: Record<string, number | null>;
  nps: number | null;
}

export interface TrendChange {
  from: string;
  to: string;
  measure: string;
  difference: number;
  p: number | null;
  significant: boolean;
}

export interface CrossTabResult {
  question: string;
  label: LocalizedText;
  multiple: boolean;
  by: AnalysisAttribute;
  options: { value: string; label: LocalizedText }[];
  groups: { value: string; n: number; counts: number[] }[];
  chiSquare: { chi2: number; df: number; p: number; cramersV: number; lowExpected: boolean } | null;
}

export interface TextResult {
  question: string;
  label: LocalizedText;
  answered: number;
  /** How many answers the word counts read (all, or the first 5,000). */
  wordsFrom: number;
  words: { term: string; count: number; answers: number }[];
  phrases: { term: string; count: number; answers: number }[];
  themes: {
    id: string;
    label: { 'zh-CN': string; en: string };
    dimension: string | null;
    count: number;
    share: number;
    quotes: string[];
    meanScore: number | null;
    dissatisfiedShare: number | null;
    responseIds: string[];
  }[];
}

export interface FactorResult {
  ok: true;
  factors: number;
  eigenvalues: number[];
  loadings: { item: string; dimension: string | null; loadings: number[]; communality: number }[];
}

/**
 * Improvement actions (and standards) the `analysis.run` job verified with the one wave it
 * analysed; see main/improvement/auto-verify.ts.
 */
export interface AutoVerification {
  waveId: string;
  /** Actions whose baseline came from an earlier wave and that got this wave's figure. */
  actions: number;
  met: number;
  notMet: number;
  /** Survey-sourced service standards computed for this wave. */
  standards: number;
}

export interface AnalysisResult {
  request: AnalysisRequest;
  surveyTitle: LocalizedText;
  versionNo: number;
  generatedAt: string;
  cleaning: CleaningSummary;
  index: Score;
  satisfaction: { question: string; score: Score } | null;
  nps: NpsResult | Unavailable | null;
  dimensions: DimensionResult[];
  items: ItemResult[];
  segments: SegmentResult[];
  drivers: { target: string; rSquared: number | null; list: DriverResult[] };
  priorities: PriorityItem[];
  trends: { waves: TrendWave[]; changes: TrendChange[] };
  crosstabs: CrossTabResult[];
  texts: TextResult[];
  factor: FactorResult | Unavailable;
  /** Values of every attribute, for the filter bar. */
  attributeValues: Record<AnalysisAttribute, string[]> & { [custom: CustomAttribute]: string[] };
  waves: { id: string; name: string }[];
  timings: { loadMs: number; computeMs: number };
  /** Set by the analysis job when it verified improvement actions or standards with this wave. */
  improvement?: AutoVerification;
}
