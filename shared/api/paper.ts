/**
 * Paper entry: batches of paper cards keyed in by typists, the second pass of double entry, the
 * comparison of both passes, typist statistics and the printable card.
 */
import { z } from 'zod';
import { surveyLanguage } from '../questionnaire/model';
import type { AnswerValue } from '../questionnaire/runtime';
import { answerValueSchema, type EntryStats } from '../responses';
import { method } from './method';

export const BATCH_STATUSES = ['open', 'entered', 'verified'] as const;
/** open: cards are being keyed; entered: the typist closed the batch; verified: both passes agree. */
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** 1 = the cards as analysed (responses); 2 = the check copy of double entry (never analysed). */
export type EntryPass = 1 | 2;
const pass = z.union([z.literal(1), z.literal(2)]);

/** A card number as written in the boxes on the card: digits, up to 12. */
export const cardNoSchema = z.string().regex(/^\d{1,12}$/);
const variable = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,70}$/);

/** A paper batch: one stack of cards from one event, with its counts per pass. */
export interface PaperBatch {
  id: string;
  surveyId: string;
  versionNo: number;
  waveId: string | null;
  waveName: string | null;
  event: string;
  batchDate: string;
  batchNo: string;
  /** Who created the batch. */
  operator: string | null;
  doubleEntry: boolean;
  status: BatchStatus;
  createdAt: string;
  /** Cards saved in the first pass (complete responses). */
  firstPass: number;
  /** Cards saved in the second pass. */
  secondPass: number;
  /** Cards started but not saved, in either pass. */
  unfinished: number;
}

/** What the entry screen counts per card; stored with the card. */
export interface PaperEntryStats extends EntryStats {
  /** Keys or values the screen refused (unknown code, out of range, failed check). */
  rejected: number;
  /** Questions shown on the card (answered or marked "no answer"). */
  answers: number;
}

export const paperEntryStats = z.strictObject({
  keystrokes: z.number().int().min(0).max(1_000_000),
  corrections: z.number().int().min(0).max(1_000_000),
  rejected: z.number().int().min(0).max(1_000_000),
  answers: z.number().int().min(0).max(10_000),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600 * 1000),
});

/** One card of a batch in one pass. */
export interface PaperCard {
  cardNo: string;
  pass: EntryPass;
  operator: string | null;
  /** The first-pass response; null in the second pass. */
  responseId: string | null;
  finished: boolean;
  enteredAt: string;
}

/** A batch with its cards, for the entry screen (next number, cards already keyed). */
export interface PaperBatchDetail {
  batch: PaperBatch;
  cards: PaperCard[];
}

/** Speed and accuracy of one typist in one pass of a batch. */
export interface OperatorStats {
  pass: EntryPass;
  operator: string | null;
  cards: number;
  keystrokes: number;
  corrections: number;
  rejected: number;
  answers: number;
  durationMs: number;
  /** cards / (sum of card durations in hours); null without time. */
  cardsPerHour: number | null;
  keystrokesPerCard: number;
  keystrokesPerAnswer: number | null;
  /** (rejected + corrections) per card. */
  errorsPerCard: number;
}

/** One answer the two passes disagree on. */
export interface PaperMismatch {
  cardNo: string;
  responseId: string;
  variable: string;
  first: AnswerValue;
  second: AnswerValue;
}

/** Both passes of a double-entry batch side by side. */
export interface PaperComparison {
  batch: PaperBatch;
  mismatches: PaperMismatch[];
  /** Cards saved in pass 1 but not in pass 2. */
  missingSecond: string[];
  /** Cards saved in pass 2 but not in pass 1. */
  missingFirst: string[];
  /** Cards started in either pass and never saved. */
  unfinished: string[];
  comparedCards: number;
  verifiable: boolean;
}

export const paperMethods = {
  'paper.batches': method<PaperBatch[]>()(z.strictObject({ surveyId: z.uuid() })),
  /** A new batch on the survey's published version; the batch number is unique per version. */
  'paper.createBatch': method<PaperBatch>()(
    z.strictObject({
      surveyId: z.uuid(),
      waveId: z.uuid().nullable(),
      event: z.string().trim().min(1).max(200),
      batchDate: z.iso.date(),
      batchNo: z.string().trim().min(1).max(40),
      doubleEntry: z.boolean(),
    }),
  ),
  'paper.batch': method<PaperBatchDetail>()(z.strictObject({ id: z.uuid() })),
  /**
   * Starts one card. Pass 1 starts a paper response (consent when the card's box is ticked);
   * pass 2 starts the check copy. A card left unfinished is started again from empty.
   */
  'paper.startCard': method<{ responseId: string | null }>()(
    z.strictObject({ batchId: z.uuid(), pass, cardNo: cardNoSchema, consent: z.boolean() }),
  ),
  /** Commits one answer of a second-pass card (first-pass answers go through responses.answer). */
  'paper.secondAnswer': method<{ savedAt: string }>()(
    z.strictObject({
      batchId: z.uuid(),
      cardNo: cardNoSchema,
      variable,
      value: answerValueSchema,
    }),
  ),
  /** Saves a card: completes the response (pass 1) or the check copy (pass 2), with its stats. */
  'paper.finishCard': method<PaperCard>()(
    z.strictObject({ batchId: z.uuid(), pass, cardNo: cardNoSchema, stats: paperEntryStats }),
  ),
  /** The typist says the stack is done: status "entered". */
  'paper.closeBatch': method<PaperBatch>()(z.strictObject({ id: z.uuid() })),
  'paper.stats': method<OperatorStats[]>()(z.strictObject({ id: z.uuid() })),
  'paper.compare': method<PaperComparison>()(z.strictObject({ id: z.uuid() })),
  /**
   * Settles one mismatch with the right value: the first-pass response is edited with history
   * (or the kept value noted in its history) and the second pass set to agree.
   */
  'paper.resolve': method<PaperComparison>()(
    z.strictObject({
      batchId: z.uuid(),
      cardNo: cardNoSchema,
      variable,
      value: answerValueSchema,
    }),
  ),
  /** Marks a double-entry batch verified; BATCH_NOT_VERIFIED while anything differs or is missing. */
  'paper.verify': method<PaperBatch>()(z.strictObject({ id: z.uuid() })),
  /** Writes the printable card (.docx, and a PDF beside it when LibreOffice is installed). */
  'paper.printCard': method<{ docxPath: string; pdfPath: string | null }>()(
    z.strictObject({ surveyId: z.uuid(), lang: surveyLanguage, path: z.string().min(1).max(4096) }),
  ),
};
