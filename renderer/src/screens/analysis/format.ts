/**
 * How the analysis screen writes figures for a manager: one decimal on 100 points, shares as
 * percentages, p-values the usual way, reasons and effect sizes in words, labels in the UI language.
 */
import type { TFunction } from 'i18next';
import {
  customAttributeName,
  isCustomAttribute,
  type AnalysisRequest,
  type AnalysisResult,
  type Score,
  type SegmentAttribute,
  type SegmentResult,
} from '../../../../shared/analysis';
import {
  textIn,
  type LocalizedText,
  type SurveyLanguage,
} from '../../../../shared/questionnaire/model';
import { useAppStore } from '../../stores/app';

/** Labels of the result in the UI language, else the survey's own wording. */
export function useLabel(): (text: LocalizedText | undefined) => string {
  const locale = useAppStore((s) => s.locale);
  const lang: SurveyLanguage = locale;
  return (text) => textIn(text, lang, 'zh-CN');
}

export function one(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(1);
}

export function two(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(2);
}

export function percent(share: number | null | undefined, digits = 1): string {
  return share === null || share === undefined || !Number.isFinite(share)
    ? '–'
    : `${(share * 100).toFixed(digits)}%`;
}

/** "p < .001", "p = .026": APA style, which managers meet in consultants' reports too. */
export function pText(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return 'p –';
  if (p < 0.001) return 'p < .001';
  return `p = ${p.toFixed(3).replace(/^0/, '')}`;
}

export const SIGNIFICANCE = 0.05;

export function significant(p: number | null | undefined): boolean {
  return p !== null && p !== undefined && p < SIGNIFICANCE;
}

/** Why a figure is missing, in words; codes come from the engine's statistics. */
export function reasonText(t: TFunction, reason: string): string {
  return t(`analysis.reason.${reason}`, { defaultValue: t('analysis.reason.other', { reason }) });
}

/** An attribute's name: ours in the user's language, or an imported attribute's own name. */
export function attributeText(t: TFunction, attribute: SegmentAttribute): string {
  return isCustomAttribute(attribute)
    ? t('analysis.attribute.custom', { name: customAttributeName(attribute) })
    : t(`analysis.attribute.${attribute}`);
}

/** The value of an attribute as the user knows it (channels are codes in the data). */
export function valueText(t: TFunction, attribute: SegmentAttribute, value: string): string {
  return attribute === 'channel' ? t(`register.channel.${value}`, { defaultValue: value }) : value;
}

/** Conventional bounds: Hedges' g 0.2 / 0.5 / 0.8, eta squared .01 / .06 / .14 (Cohen). */
export function effectSize(
  test: SegmentResult['test'],
): 'negligible' | 'small' | 'medium' | 'large' | null {
  if (test.kind === 'none') return null;
  const e = Math.abs(test.effect);
  const [small, medium, large] = test.kind === 'welch' ? [0.2, 0.5, 0.8] : [0.01, 0.06, 0.14];
  return e >= large ? 'large' : e >= medium ? 'medium' : e >= small ? 'small' : 'negligible';
}

/**
 * A target as a 100-point figure. Targets are written on the answer scale (3.5 -> 4.2 of 5 in the
 * documents) or on 100 points; a value within the scale is converted like the scores are.
 */
export function targetOn100(
  value: number,
  points: number,
  conversion: AnalysisRequest['conversion'],
): number {
  if (value > points) return value;
  return conversion === 'ratio' ? (value / points) * 100 : ((value - 1) / (points - 1)) * 100;
}

/** The scale's points of the result's Likert items (5 unless the survey says otherwise). */
export function scalePoints(result: AnalysisResult): number {
  return result.items[0]?.points ?? 5;
}

export function score100(score: Score): number | null {
  return score.ok ? score.score100 : null;
}

/** A measure (index or dimension id) by its name. */
export function measureLabel(
  t: TFunction,
  label: (text: LocalizedText | undefined) => string,
  result: AnalysisResult,
  measure: string,
): string {
  if (measure === 'index') return t('analysis.index');
  const dimension = result.dimensions.find((d) => d.id === measure);
  return dimension ? label(dimension.name) : measure;
}

/**
 * Where the importance x performance cross lines go: the means over the engine's own set of that
 * kind, the same means its quadrants were decided by (so colours and lines agree).
 */
export function quadrantLines(
  result: AnalysisResult,
  kind: 'dimension' | 'item',
): { x: number; y: number } | null {
  const set = result.drivers.list.filter(
    (d) => d.kind === kind && d.importance !== null && d.performance !== null,
  );
  if (set.length < 2) return null;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return { x: mean(set.map((d) => d.performance!)), y: mean(set.map((d) => d.importance!)) };
}
