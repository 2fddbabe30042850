/**
 * Charts that compare: scores of customer groups side by side, scores across survey waves, and
 * plain ranked bars (e.g. how often each open-answer theme came up).
 */
import type { ChartConfiguration } from 'chart.js';
import type { ChartFont } from './fonts';
import { axisFloor } from './score-charts';
import {
  BOTTOM_LEGEND,
  PALETTE,
  barValueLabels,
  categoryAxis,
  renderChart,
  valueAxis,
  wrapLabel,
} from './render';

export interface SegmentBarsData {
  /** The measures compared, e.g. the overall index and each dimension. */
  measures: string[];
  /** One series per group, a value (on 100 points) per measure. */
  groups: { label: string; values: (number | null)[] }[];
  axis: string;
}

/**
 * Grouped bars: measures across, a bar per group. With one measure, a horizontal bar per group
 * with its value, which also suits attributes with many groups.
 */
export function segmentBarsChart(data: SegmentBarsData, font: ChartFont, width = 640): Buffer {
  const all = data.groups.flatMap((g) => g.values);
  const floor = axisFloor(all);
  if (data.measures.length === 1) {
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: data.groups.map((g) => g.label),
        datasets: [
          {
            label: data.measures[0]!,
            data: data.groups.map((g) => g.values[0] ?? Number.NaN),
            backgroundColor: PALETTE.primary,
            barPercentage: 0.7,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        scales: { x: valueAxis(data.axis, floor, 100), y: categoryAxis() },
        plugins: { legend: { display: false } },
      },
      plugins: [barValueLabels((v) => v.toFixed(1))],
    };
    return renderChart(config, { width, height: 60 + data.groups.length * 26 }, font);
  }
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: data.measures.map((m) => wrapLabel(m, 12, 2)),
      datasets: data.groups.map((g, k) => ({
        label: g.label,
        data: g.values.map((v) => v ?? Number.NaN),
        backgroundColor: PALETTE.series[k % PALETTE.series.length],
        barPercentage: 0.85,
        categoryPercentage: 0.8,
      })),
    },
    options: {
      scales: { x: categoryAxis(), y: valueAxis(data.axis, floor, 100) },
      plugins: { legend: BOTTOM_LEGEND },
    },
  };
  return renderChart(config, { width, height: 300 }, font);
}

export interface TrendData {
  waves: string[];
  /** The first series is drawn bold with its values printed. */
  series: { label: string; values: (number | null)[] }[];
  axis: string;
  /** Fixed axis range; by default from the values. */
  min?: number;
  max?: number;
}

export function trendChart(data: TrendData, font: ChartFont, width = 640): Buffer {
  const values = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const min = data.min ?? Math.floor((Math.min(...values) - 3) / 5) * 5;
  const max = data.max ?? Math.ceil((Math.max(...values) + 3) / 5) * 5;
  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: {
      labels: data.waves,
      datasets: data.series.map((s, k) => ({
        label: s.label,
        data: s.values.map((v) => v ?? Number.NaN),
        borderColor: PALETTE.series[k % PALETTE.series.length],
        backgroundColor: PALETTE.series[k % PALETTE.series.length],
        borderWidth: k === 0 ? 3 : 1.5,
        pointRadius: k === 0 ? 4.5 : 2.5,
      })),
    },
    options: {
      layout: { padding: { left: 24, right: 24, top: 8 } },
      scales: {
        x: { ...categoryAxis(), offset: true },
        y: valueAxis(data.axis, Math.max(-100, min), Math.min(100, max)),
      },
      plugins: {
        legend: {
          ...BOTTOM_LEGEND,
          display: data.series.length > 1,
          labels: { ...BOTTOM_LEGEND.labels, usePointStyle: true, pointStyle: 'line' as const },
        },
      },
    },
    plugins: [barValueLabels((v) => v.toFixed(1), [0], false, 8)],
  };
  return renderChart(config, { width, height: 280 }, font);
}

export interface RankedBarsData {
  rows: string[];
  values: number[];
  axis: string;
  format: (value: number) => string;
}

/** Horizontal bars, largest first as given. */
export function rankedBarsChart(data: RankedBarsData, font: ChartFont, width = 640): Buffer {
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: data.rows.map((r) => wrapLabel(r, 24, 2)),
      datasets: [
        {
          data: data.values,
          backgroundColor: PALETTE.secondary,
          barPercentage: 0.7,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: {
        // Room at the end of the longest bar for its label.
        x: { ...valueAxis(data.axis, 0), suggestedMax: Math.max(...data.values, 1) * 1.22 },
        y: categoryAxis(),
      },
      plugins: { legend: { display: false } },
    },
    plugins: [barValueLabels(data.format)],
  };
  return renderChart(config, { width, height: 50 + data.rows.length * 28 }, font);
}
