/**
 * The chart.js pieces the analysis charts use, registered once (tree-shaken imports), with a font
 * that has Chinese glyphs: canvas text does not fall back like HTML text does.
 */
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
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  Legend,
);
Chart.defaults.font.family = "'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif";
Chart.defaults.font.size = 12;
Chart.defaults.color = '#1d2733';

/** Likert answers 1..5, very dissatisfied (red) to very satisfied (green). */
export const LIKERT_COLOURS = ['#c0392b', '#e67e22', '#f1c40f', '#7cb342', '#2e7d32'];
/** Text on each of those colours, readable (contrast) on each. */
export const LIKERT_INK = ['#ffffff', '#1d2733', '#1d2733', '#1d2733', '#ffffff'];

/** Distinct series colours (index first, then dimensions or groups). */
export const SERIES_COLOURS = [
  '#1f4e79',
  '#2f80ed',
  '#27ae60',
  '#f2994a',
  '#9b51e0',
  '#eb5757',
  '#00a3a3',
  '#8d6e63',
  '#c2185b',
  '#607d8b',
  '#afb42b',
  '#5c6bc0',
];

export function seriesColour(k: number): string {
  return SERIES_COLOURS[k % SERIES_COLOURS.length]!;
}

export const QUADRANT_COLOURS = {
  priority: '#c0392b',
  strength: '#2e7d32',
  maintain: '#2f80ed',
  secondary: '#8a94a0',
} as const;
