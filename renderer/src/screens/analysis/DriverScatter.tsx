/**
 * Importance x performance: each driver as a point, the means as cross lines, the quadrants named
 * in their corners and every point labelled (a legend of 16 items would be unreadable).
 */
import type { ChartOptions, Plugin } from 'chart.js';
import { Scatter } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { DriverResult } from '../../../../shared/analysis';
import { QUADRANT_COLOURS } from './charts';
import { useLabel } from './format';

interface Point {
  x: number;
  y: number;
  /** Drawn beside the point: the name, or the rank in the priority list when names would collide. */
  mark: string;
  label: string;
  quadrant: NonNullable<DriverResult['quadrant']> | null;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Point labels longer than this (px) are shortened; the tooltip has the whole label. */
const LABEL_WIDTH = 150;

/** Draws the cross lines, the quadrant names and the point labels; not registered globally. */
function matrixPlugin(
  lines: { x: number; y: number },
  corners: Record<string, string>,
): Plugin<'scatter'> {
  return {
    id: 'importancePerformance',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const x = scales.x!.getPixelForValue(lines.x);
      const y = scales.y!.getPixelForValue(lines.y);
      ctx.save();
      ctx.strokeStyle = '#8a94a0';
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(x, area.top);
      ctx.lineTo(x, area.bottom);
      ctx.moveTo(area.left, y);
      ctx.lineTo(area.right, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = `600 12px ${String(chart.options.font?.family ?? 'sans-serif')}`;
      const corner = (text: string, left: boolean, top: boolean, colour: string) => {
        ctx.fillStyle = colour;
        ctx.textAlign = left ? 'left' : 'right';
        ctx.textBaseline = top ? 'top' : 'bottom';
        ctx.fillText(
          text,
          left ? area.left + 6 : area.right - 6,
          top ? area.top + 4 : area.bottom - 4,
        );
      };
      corner(corners.priority!, true, true, QUADRANT_COLOURS.priority);
      corner(corners.strength!, false, true, QUADRANT_COLOURS.strength);
      corner(corners.secondary!, true, false, QUADRANT_COLOURS.secondary);
      corner(corners.maintain!, false, false, QUADRANT_COLOURS.maintain);
      ctx.font = `11px ${String(chart.options.font?.family ?? 'sans-serif')}`;
      ctx.fillStyle = '#1d2733';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'middle';
      const meta = chart.getDatasetMeta(0);
      const data = chart.data.datasets[0]!.data as Point[];
      // Every point is an obstacle; each label takes the first free place around its point.
      const taken: Box[] = meta.data.map((e) => ({ x: e.x - 7, y: e.y - 7, w: 14, h: 14 }));
      meta.data.forEach((element, k) => {
        const point = data[k];
        if (!point) return;
        let text = point.mark;
        while (text.length > 4 && ctx.measureText(text).width > LABEL_WIDTH)
          text = `${text.slice(0, -2)}…`;
        const w = ctx.measureText(text).width;
        const h = 14;
        const { x, y } = element;
        const candidates: Box[] = [
          { x: x + 9, y: y - h / 2, w, h },
          { x: x - 9 - w, y: y - h / 2, w, h },
          { x: x - w / 2, y: y - 9 - h, w, h },
          { x: x - w / 2, y: y + 9, w, h },
          { x: x + 7, y: y - 7 - h, w, h },
          { x: x + 7, y: y + 7, w, h },
        ];
        const inside = (b: Box) =>
          b.x >= area.left &&
          b.x + b.w <= area.right &&
          b.y >= area.top &&
          b.y + b.h <= area.bottom;
        const place =
          candidates.find((b) => inside(b) && !taken.some((o) => overlaps(o, b))) ??
          candidates.find(inside) ??
          candidates[0]!;
        taken.push(place);
        ctx.fillText(text, place.x, place.y + h / 2);
      });
      ctx.restore();
    },
  };
}

export function DriverScatter({
  drivers,
  lines,
  ranks,
}: {
  drivers: DriverResult[];
  lines: { x: number; y: number };
  /** When given, points are marked with their rank instead of their name. */
  ranks: Map<string, number> | null;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const points: Point[] = drivers
    .filter((d) => d.importance !== null && d.performance !== null)
    .map((d) => ({
      x: d.performance!,
      y: d.importance!,
      mark: ranks ? String(ranks.get(d.id) ?? '') : label(d.label),
      label: label(d.label),
      quadrant: d.quadrant,
    }));
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const pad = (lo: number, hi: number, step: number) => [
    Math.floor((lo - step) / step) * step,
    Math.ceil((hi + step) / step) * step,
  ];
  const [xMin, xMax] = pad(Math.min(...xs, lines.x), Math.max(...xs, lines.x), 2);
  const [yMin, yMax] = pad(Math.min(...ys, lines.y), Math.max(...ys, lines.y), 0.05);
  const corners = {
    priority: t('analysis.drivers.quadrant.priority'),
    strength: t('analysis.drivers.quadrant.strength'),
    maintain: t('analysis.drivers.quadrant.maintain'),
    secondary: t('analysis.drivers.quadrant.secondary'),
  };
  const options: ChartOptions<'scatter'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    layout: { padding: { right: 8 } },
    scales: {
      x: {
        min: xMin,
        max: xMax,
        title: { display: true, text: t('analysis.drivers.performance') },
      },
      y: {
        min: yMin,
        max: Math.min(1, yMax!),
        title: { display: true, text: t('analysis.drivers.importance') },
      },
    },
    plugins: {
      legend: { display: false },
      tooltip: {
        callbacks: {
          label: (c) => {
            const p = c.raw as Point;
            return `${p.label}: ${p.x.toFixed(1)} · r = ${p.y.toFixed(2)}`;
          },
        },
      },
    },
  };
  return (
    <div className="chart-box driver-chart" data-testid="driver-chart">
      <Scatter
        data={{
          datasets: [
            {
              data: points,
              pointRadius: 6,
              pointHoverRadius: 8,
              backgroundColor: points.map((p) =>
                p.quadrant ? QUADRANT_COLOURS[p.quadrant] : '#8a94a0',
              ),
            },
          ],
        }}
        options={options}
        plugins={[matrixPlugin(lines, corners)]}
        aria-label={t('analysis.drivers.chartLabel')}
      />
    </div>
  );
}
