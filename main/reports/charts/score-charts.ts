/**
 * Charts of scores: dimension scores against their targets (and the previous wave), the answer
 * distribution of Likert items as stacked bars, and the NPS breakdown. Inputs are plain numbers
 * and translated labels, so the Word and the Excel report draw the same charts.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { ChartFont } from './fonts';
import {
  BOTTOM_LEGEND,
  PALETTE,
  barValueLabels,
  categoryAxis,
  labelFont,
  likertColours,
  renderChart,
  valueAxis,
  wrapLabel,
  type ChartSize,
} from './render';

export interface DimensionBarsData {
  categories: string[];
  /** Scores on 100 points. */
  scores: (number | null)[];
  /** Targets on 100 points (null: none). */
  targets: (number | null)[];
  /** The previous wave's scores, drawn as lighter bars (null: no previous wave). */
  previous: (number | null)[] | null;
  labels: { current: string; previous: string; target: string; axis: string };
}

/** Where the value axis of a 100-point chart starts: low enough to show every bar and target. */
export function axisFloor(values: (number | null)[]): number {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return 0;
  return Math.max(0, Math.floor((Math.min(...present) - 10) / 10) * 10);
}

export function dimensionBarsChart(
  data: DimensionBarsData,
  font: ChartFont,
  size: ChartSize = { width: 640, height: 300 },
): Buffer {
  const floor = axisFloor([...data.scores, ...data.targets, ...(data.previous ?? [])]);
  const hasTargets = data.targets.some((t) => t !== null);
  const datasets: ChartConfiguration<'bar'>['data']['datasets'] = [];
  if (data.previous) {
    datasets.push({
      label: data.labels.previous,
      data: data.previous.map((v) => v ?? Number.NaN),
      backgroundColor: '#BDD7EE',
      order: 3,
    });
  }
  datasets.push({
    label: data.labels.current,
    data: data.scores.map((v) => v ?? Number.NaN),
    backgroundColor: PALETTE.primary,
    order: 2,
  });
  const targetSet = {
    type: 'line' as const,
    label: data.labels.target,
    data: data.targets.map((v) => v ?? Number.NaN),
    showLine: false,
    pointStyle: 'line' as const,
    pointRadius: data.previous ? 26 : 20,
    pointBorderWidth: 3,
    borderColor: PALETTE.accent,
    backgroundColor: PALETTE.accent,
    order: 1,
  };
  const config = {
    type: 'bar',
    data: {
      labels: data.categories.map((c) => wrapLabel(c, 14, 2)),
      datasets: hasTargets ? [...datasets, targetSet] : datasets,
    },
    options: {
      maxBarThickness: 46,
      scales: { x: categoryAxis(), y: valueAxis(data.labels.axis, floor, 100) },
      plugins: { legend: { ...BOTTOM_LEGEND, display: hasTargets || !!data.previous } },
    },
    plugins: [barValueLabels((v) => v.toFixed(1), [data.previous ? 1 : 0])],
  } as unknown as ChartConfiguration<'bar'>;
  return renderChart(config, size, font);
}

export interface LikertData {
  /** One row per item. */
  rows: string[];
  /** Per row, the share (0..1) of each answer point, lowest first. */
  shares: number[][];
  /** Names of the points, lowest first. */
  pointLabels: string[];
}

export function likertChart(data: LikertData, font: ChartFont, width = 640): Buffer {
  const points = data.pointLabels.length;
  const colours = likertColours(points);
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: data.rows.map((r) => wrapLabel(r, 30, 2)),
      datasets: data.pointLabels.map((label, p) => ({
        label,
        data: data.shares.map((row) => (row[p] ?? 0) * 100),
        backgroundColor: colours[p],
        barPercentage: 0.75,
      })),
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: { ...valueAxis('', 0, 100), stacked: true, ticks: { callback: (v) => `${v}%` } },
        y: { ...categoryAxis(), stacked: true },
      },
      plugins: { legend: BOTTOM_LEGEND },
    },
    plugins: [segmentShares(colours)],
  };
  const height = 70 + data.rows.length * 38;
  return renderChart(config, { width, height }, font);
}

/** Percentages inside stacked segments wide enough to hold them. */
function segmentShares(colours: string[], minimum = 6): Plugin<'bar'> {
  return {
    id: 'segmentShares',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = labelFont(10);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      chart.data.datasets.forEach((dataset, d) => {
        const dark = ['#C0504D', '#1F5F9E', '#6A9FD6', PALETTE.bad, PALETTE.good].includes(
          colours[d] ?? '',
        );
        chart.getDatasetMeta(d).data.forEach((bar, k) => {
          const value = dataset.data[k];
          if (typeof value !== 'number' || value < minimum) return;
          const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as Record<string, number>;
          ctx.fillStyle = dark ? '#FFFFFF' : '#262626';
          ctx.fillText(`${value.toFixed(0)}%`, (x! + base!) / 2, y!);
        });
      });
      ctx.restore();
    },
  };
}

export interface NpsData {
  /** One row per wave (e.g. this wave, the previous one). */
  rows: string[];
  detractors: number[];
  passives: number[];
  promoters: number[];
  labels: { detractors: string; passives: string; promoters: string };
}

export function npsChart(data: NpsData, font: ChartFont, width = 640): Buffer {
  const colours = [PALETTE.bad, '#D9D9D9', PALETTE.good];
  const series = [data.detractors, data.passives, data.promoters];
  const names = [data.labels.detractors, data.labels.passives, data.labels.promoters];
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: data.rows,
      datasets: series.map((values, k) => ({
        label: names[k]!,
        data: values.map((v) => v * 100),
        backgroundColor: colours[k],
        barPercentage: 0.7,
      })),
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: { ...valueAxis('', 0, 100), stacked: true, ticks: { callback: (v) => `${v}%` } },
        y: { ...categoryAxis(), stacked: true },
      },
      plugins: { legend: BOTTOM_LEGEND },
    },
    plugins: [segmentShares(colours, 4)],
  };
  return renderChart(config, { width, height: 80 + data.rows.length * 44 }, font);
}
