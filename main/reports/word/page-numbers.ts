/**
 * Page numbers written into the table of contents in advance, for viewers that do not update
 * fields (LibreOffice, WPS, previewers); Word recomputes them when it opens the file. docx's
 * layout measures text itself; here the canvas measures it instead, natively and much faster
 * than reading the 16 MB Chinese font in JavaScript: Latin text in the font standing in for
 * Arial (Liberation Sans has Arial's widths), Chinese in the font the charts use.
 */
import { createCanvas } from '@napi-rs/canvas';
import type { PageNumberEstimator } from 'docx';
import { estimatePageNumbersWith, type FontToMeasure } from 'docx/layout';
import { cjkFaceData, type ChartFont } from '../charts/fonts';

const LATIN = '"Liberation Sans", Arial, Arimo, Helvetica, sans-serif';

/** An estimator measuring with the canvas, or none when no Chinese font was found. */
export function pageNumberEstimator(
  font: ChartFont,
  eastAsia: string,
): PageNumberEstimator | undefined {
  if (!font.cjk) return undefined;
  const context = createCanvas(10, 10).getContext('2d');
  const widths = new Map<string, number>();
  const measure = (text: string, measured: FontToMeasure): number => {
    const key = `${measured.name}|${measured.size}|${measured.bold ? 1 : 0}|${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      const family = measured.name === eastAsia ? font.family : LATIN;
      // Sizes are in points and so are the widths: a font of N px measures in the same unit.
      context.font = `${measured.italic ? 'italic ' : ''}${measured.bold ? 'bold ' : ''}${measured.size}px ${family}`;
      width = context.measureText(text).width;
      widths.set(key, width);
    }
    return width;
  };
  // The file still gives the Chinese lines their height.
  const file = font.source ? [{ data: cjkFaceData(font.source), name: eastAsia }] : [];
  return estimatePageNumbersWith({ measureWidth: measure, fonts: file, guess: true });
}
