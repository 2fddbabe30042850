import fs from 'node:fs/promises';
import path from 'node:path';
import type { HandlersFor } from '../api/handlers';
import { buildPaperCard } from '../reports/paper-card';
import { convertToPdf } from '../reports/pdf';
import { getBranding, getSettings } from '../services/settings';

export const paperHandlers: HandlersFor<'paper.'> = {
  'paper.batches': (input, ctx) => ctx.paper.batches(input.surveyId),
  'paper.createBatch': (input, ctx) =>
    ctx.paper.createBatch(input, getSettings(ctx.db).operatorName),
  'paper.batch': (input, ctx) => ctx.paper.batch(input.id),
  'paper.startCard': (input, ctx) =>
    ctx.paper.startCard(
      input.batchId,
      input.pass,
      input.cardNo,
      input.consent,
      getSettings(ctx.db).operatorName,
    ),
  'paper.secondAnswer': (input, ctx) =>
    ctx.paper.secondAnswer(input.batchId, input.cardNo, input.variable, input.value),
  'paper.finishCard': (input, ctx) =>
    ctx.paper.finishCard(input.batchId, input.pass, input.cardNo, input.stats),
  'paper.closeBatch': (input, ctx) => ctx.paper.closeBatch(input.id),
  'paper.stats': (input, ctx) => ctx.paper.stats(input.id),
  'paper.compare': (input, ctx) => ctx.paper.compare(input.id),
  'paper.resolve': (input, ctx) =>
    ctx.paper.resolve(
      input.batchId,
      input.cardNo,
      input.variable,
      input.value,
      getSettings(ctx.db).operatorName,
    ),
  'paper.verify': (input, ctx) => ctx.paper.verify(input.id),
  /** The card of the published version; the PDF only when LibreOffice is installed. */
  'paper.printCard': async (input, ctx) => {
    const { definition, versionNo } = ctx.fieldwork.publishedDefinition(input.surveyId);
    const { code } = ctx.surveys.get(input.surveyId);
    const docxPath =
      path.extname(input.path).toLowerCase() === '.docx' ? input.path : `${input.path}.docx`;
    await fs.writeFile(
      docxPath,
      await buildPaperCard(definition, {
        lang: input.lang,
        surveyCode: code,
        versionNo,
        orgName: getBranding(ctx.db).orgName ?? undefined,
      }),
    );
    return { docxPath, pdfPath: await convertToPdf(docxPath) };
  },
};
