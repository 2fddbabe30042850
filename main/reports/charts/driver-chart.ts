/**
 * The importance x performance matrix (四象限图): each dimension as a point, performance (score
 * on 100 points) across, importance (correlation with overall satisfaction) up, the means as
 * dashed cross lines, quadrant names in the corners and every point named beside it.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { ChartFont } from './fonts';
import { PALETTE, labelFont, renderChart, valueAxis, type ChartSize } from './render';

export type Quadrant = 'strength' | 'priority' | 'maintain' | 'secondary';

export interface ImportancePerformanceData {
  points: { label: string; performance: number; importance: number; quadrant: Quadrant | null }[];
  /** Where the cross lines are: the means of the points. */
  meanPerformance: number;
  meanImportance: number;
  labels: { performance: string; importance: string; quadrants: Record<Quadrant, string> };
}

const QUADRANT_COLOURS: Record<Quadrant, string> = {
  priority: PALETTE.bad,
  strength: PALETTE.good,
  maintain: PALETTE.secondary,
  secondary: PALETTE.neutral,
};

function padded(values: number[], share: number): { min: number; max: number } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = Math.max((max - min) * share, 1e-6);
  return { min: min - pad, max: max + pad };
}

/** As many decimals as the axis range needs so that ticks differ. */
function tickFormat(range: { min: number; max: number }, decimals: number) {
  const extra = range.max - range.min < 10 ** (1 - decimals) * 2 ? 1 : 0;
  return (value: number | string) => Number(value).toFixed(decimals + extra);
}

export function importancePerformanceChart(
  data: ImportancePerformanceData,
  font: ChartFont,
  size: ChartSize = { width: 640, height: 400 },
): Buffer {
  const x = padded([...data.points.map((p) => p.performance), data.meanPerformance], 0.25);
  const y = padded([...data.points.map((p) => p.importance), data.meanImportance], 0.2);
  const config: ChartConfiguration<'scatter'> = {
    type: 'scatter',
    data: {
      datasets: [
        {
          data: data.points.map((p) => ({ x: p.performance, y: p.importance })),
          pointRadius: 6,
          pointBackgroundColor: data.points.map((p) =>
            p.quadrant ? QUADRANT_COLOURS[p.quadrant] : PALETTE.primary,
          ),
          pointBorderColor: '#FFFFFF',
          pointBorderWidth: 1,
        },
      ],
    },
    options: {
      layout: { padding: { top: 8, right: 12 } },
      scales: {
        x: {
          ...valueAxis(data.labels.performance, x.min, x.max),
          ticks: { font: { size: 10 }, includeBounds: false, callback: tickFormat(x, 0) },
        },
        y: {
          ...valueAxis(data.labels.importance, y.min, y.max),
          ticks: { font: { size: 10 }, includeBounds: false, callback: tickFormat(y, 2) },
        },
      },
      plugins: { legend: { display: false } },
    },
    plugins: [crossLines(data), pointNames(data.points.map((p) => p.label))],
  };
  return renderChart(config, size, font);
}

/** Dashed lines at the means and the quadrant names in the corners. */
function crossLines(data: ImportancePerformanceData): Plugin<'scatter'> {
  return {
    id: 'crossLines',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const cx = scales.x!.getPixelForValue(data.meanPerformance);
      const cy = scales.y!.getPixelForValue(data.meanImportance);
      ctx.save();
      ctx.strokeStyle = '#8C8C8C';
      ctx.setLineDash([5, 4]);
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(cx, area.top);
      ctx.lineTo(cx, area.bottom);
      ctx.moveTo(area.left, cy);
      ctx.lineTo(area.right, cy);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = labelFont(11, true);
      const corner = (quadrant: Quadrant, left: boolean, top: boolean) => {
        ctx.fillStyle = QUADRANT_COLOURS[quadrant];
        ctx.globalAlpha = 0.85;
        ctx.textAlign = left ? 'left' : 'right';
        ctx.textBaseline = top ? 'top' : 'bottom';
        ctx.fillText(
          data.labels.quadrants[quadrant],
          left ? area.left + 6 : area.right - 6,
          top ? area.top + 5 : area.bottom - 5,
        );
      };
      corner('priority', true, true);
      corner('strength', false, true);
      corner('secondary', true, false);
      corner('maintain', false, false);
      ctx.restore();
    },
  };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Each point's name beside it, on the first side (right, left, above, below, diagonals) where it
 * covers neither another name nor another point; in a tight cluster, the side that covers least.
 */
function pointNames(names: string[]): Plugin<'scatter'> {
  return {
    id: 'pointNames',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: area } = chart;
      ctx.save();
      ctx.font = labelFont(11);
      ctx.fillStyle = '#262626';
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      const centres = chart
        .getDatasetMeta(0)
        .data.map((p) => p.getProps(['x', 'y'], true) as { x: number; y: number });
      const placed: Box[] = centres.map(({ x, y }) => ({
        left: x - 6,
        top: y - 6,
        right: x + 6,
        bottom: y + 6,
      }));
      centres.forEach(({ x, y }, k) => {
        const text = names[k] ?? '';
        const w = ctx.measureText(text).width;
        const h = 13;
        const d = 8;
        const candidates: Box[] = [
          [x + d, y - h / 2],
          [x - d - w, y - h / 2],
          [x - w / 2, y - d - h],
          [x - w / 2, y + d],
          [x + d * 0.7, y - d * 0.7 - h],
          [x + d * 0.7, y + d * 0.7],
          [x - d * 0.7 - w, y - d * 0.7 - h],
          [x - d * 0.7 - w, y + d * 0.7],
        ].map(([left, top]) => ({ left: left!, top: top!, right: left! + w, bottom: top! + h }));
        const inside = candidates.filter((b) => b.left >= area.left && b.right <= area.right);
        const cover = (b: Box) => placed.filter((p) => overlaps(p, b)).length;
        const box =
          inside.find((b) => cover(b) === 0) ??
          [...inside].sort((a, b) => cover(a) - cover(b))[0] ??
          candidates[0]!;
        placed.push(box);
        ctx.fillText(text, box.left, (box.top + box.bottom) / 2);
      });
      ctx.restore();
    },
  };
}
