/**
 * Charts drawn in Node for documents (Word now, Excel later): chart.js on an @napi-rs/canvas,
 * no animation, twice the pixels of the size it is placed at so it prints crisply. Only the
 * chart.js parts our charts use are registered. Chart modules build a configuration from plain,
 * already translated data; this file turns one into a PNG.
 */
import { createCanvas } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Title,
  type ChartConfiguration,
  type ChartType,
  type Plugin,
} from 'chart.js';
import type { ChartFont } from './fonts';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Legend,
  Title,
);

/** Size a chart is placed at, in CSS pixels (96 per inch); the PNG has twice as many. */
export interface ChartSize {
  width: number;
  height: number;
}

export const PIXEL_RATIO = 2;

/** A report's colours: navy for our figures, orange for targets, grey for context. */
export const PALETTE = {
  primary: '#1F3864',
  secondary: '#2E75B6',
  accent: '#C55A11',
  good: '#548235',
  bad: '#C00000',
  neutral: '#A6A6A6',
  grid: '#E4E4E4',
  text: '#404040',
  /** Distinct series (groups, waves). */
  series: ['#1F3864', '#2E75B6', '#9DC3E6', '#C55A11', '#F4B183', '#548235', '#A9D18E', '#7F7F7F'],
} as const;

/** Likert answer colours from "very dissatisfied" (red) to "very satisfied" (blue). */
export function likertColours(points: number): string[] {
  const five = ['#C0504D', '#E6A09E', '#D9D9D9', '#8DB4E2', '#1F5F9E'];
  if (points === 5) return five;
  if (points === 3) return [five[0]!, five[2]!, five[4]!];
  return ['#C0504D', '#DA8A88', '#EDC4C3', '#D9D9D9', '#B4CFEC', '#6A9FD6', '#1F5F9E'].slice(
    0,
    points,
  );
}

/** Renders one configuration to PNG. The canvas is `size` × PIXEL_RATIO. */
export function renderChart<T extends ChartType>(
  config: ChartConfiguration<T>,
  size: ChartSize,
  font: ChartFont,
): Buffer {
  Chart.defaults.font.family = font.family;
  Chart.defaults.font.size = 11;
  Chart.defaults.color = PALETTE.text;
  const canvas = createCanvas(size.width, size.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#FFFFFF';
  context.fillRect(0, 0, size.width, size.height);
  const options = {
    ...config.options,
    responsive: false,
    animation: false as const,
    devicePixelRatio: PIXEL_RATIO,
    events: [],
  };
  // chart.js takes any object with getContext; the napi canvas is one, but not typed as DOM's.
  const chart = new Chart(
    canvas as unknown as HTMLCanvasElement,
    {
      ...config,
      options,
      plugins: [whiteBackground, ...(config.plugins ?? [])],
    } as ChartConfiguration<T>,
  );
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}

/** PNGs are transparent by default; a page of a printed report is white. */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** A canvas font string in the family charts are being drawn with. */
export function labelFont(size: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${size}px ${Chart.defaults.font.family ?? 'sans-serif'}`;
}

/** Width of a label in "half-width" units: a Chinese character counts two. */
function units(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return n;
}

/** Punctuation that must not begin a line: closing marks, stops, commas, question marks. */
const CLOSING = /^[，。、；：？！）」』”’》〉】…,.;:?!)\]}]$/;

/**
 * Breaks a long category label into lines of at most `max` units (chart.js draws an array as
 * lines): Latin text at spaces, Chinese anywhere. At most `maxLines` lines, the last with "…".
 */
export function wrapLabel(text: string, max: number, maxLines = 3): string[] {
  const words = /[\u2e80-\u9fff]/.test(text) ? [...text] : text.split(/(?<=\s)/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    // A closing mark never starts a line (Chinese line-breaking rules): it stays on this one.
    if (line && units(line + word) > max && !CLOSING.test(word)) {
      lines.push(line.trimEnd());
      line = word.trimStart();
    } else line += word;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, -1)}…`;
  return kept;
}

/** Numbers printed at the end of each bar of the given datasets. */
export function barValueLabels(
  format: (value: number) => string,
  datasets: number[] = [0],
  inside = false,
  gap = 3,
): Plugin {
  return {
    id: 'barValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = labelFont(inside ? 10 : 11);
      for (const index of datasets) {
        const meta = chart.getDatasetMeta(index);
        if (meta.hidden) continue;
        const horizontal = chart.options.indexAxis === 'y';
        meta.data.forEach((element, k) => {
          const raw = chart.data.datasets[index]!.data[k];
          if (typeof raw !== 'number' || Number.isNaN(raw)) return;
          const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
          ctx.fillStyle = inside ? '#FFFFFF' : PALETTE.text;
          // A white halo keeps the number readable where a line or bar runs through it.
          ctx.strokeStyle = '#FFFFFF';
          ctx.lineWidth = 3;
          ctx.lineJoin = 'round';
          ctx.textAlign = horizontal ? (inside ? 'right' : 'left') : 'center';
          ctx.textBaseline = horizontal ? 'middle' : inside ? 'top' : 'bottom';
          const dx = horizontal ? (inside ? -4 : gap + 1) : 0;
          const dy = horizontal ? 0 : inside ? 4 : -gap;
          if (!inside) ctx.strokeText(format(raw), x + dx, y + dy);
          ctx.fillText(format(raw), x + dx, y + dy);
        });
      }
      ctx.restore();
    },
  };
}

/** Axis and grid styling shared by all charts. */
export function valueAxis(title: string, min?: number, max?: number) {
  return {
    min,
    max,
    title: { display: !!title, text: title, font: { size: 11 } },
    grid: { color: PALETTE.grid },
    border: { display: false },
    ticks: { font: { size: 10 } },
  };
}

export function categoryAxis() {
  return { grid: { display: false }, ticks: { font: { size: 11 } } };
}

/** Legend below the chart with small square markers. */
export const BOTTOM_LEGEND = {
  position: 'bottom' as const,
  labels: { boxWidth: 10, boxHeight: 10, padding: 12, font: { size: 10 } },
};
