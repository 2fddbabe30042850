/**
 * Paper batches: stacks of cards keyed in by typists. The first pass makes paper responses
 * through the field-work service (so every answer is committed as it is keyed and completion
 * runs the same checks); the second pass of double entry is a check copy in paper_second_pass,
 * compared with the first and never analysed. A double-entry batch is verified only when both
 * passes hold the same cards with the same answers.
 */
import { randomUUID } from 'node:crypto';
import type {
  EntryPass,
  OperatorStats,
  PaperBatch,
  PaperBatchDetail,
  PaperCard,
  PaperComparison,
  PaperEntryStats,
} from '../../shared/api/paper';
import { AppError } from '../../shared/errors';
import {
  definitionSchema,
  variablesOf,
  type SurveyDefinition,
} from '../../shared/questionnaire/model';
import {
  checkAnswer,
  visiblePages,
  type AnswerValue,
  type Answers,
} from '../../shared/questionnaire/runtime';
import type { Db } from '../db/connection';
import { answersOf } from './answers';
import { byCardNo, diffPasses, normalized, operatorStats } from './paper-compare';
import { batchOf, paperStatements, type BatchRow } from './paper-store';
import type { Clock, FieldworkService } from './service';

export interface BatchInput {
  surveyId: string;
  waveId: string | null;
  event: string;
  batchDate: string;
  batchNo: string;
  doubleEntry: boolean;
}

/** The problems of a card's answers: every shown question checked, as completion does. */
function cardProblems(definition: SurveyDefinition, answers: Answers) {
  return visiblePages(definition, answers)
    .flatMap((p) => p.questions)
    .flatMap((q) => checkAnswer(q, answers).map((p) => ({ path: q.name, message: p.code })));
}

export function paperService(db: Db, fieldwork: FieldworkService, clock: Clock = () => new Date()) {
  const now = () => clock().toISOString();
  const st = paperStatements(db);

  const definitions = new Map<string, SurveyDefinition>();
  /** The version the batch's cards are keyed against (published versions never change). */
  function definitionOfBatch(row: BatchRow): SurveyDefinition {
    let definition = definitions.get(row.survey_version_id);
    if (!definition) {
      const json = st.definition.get(row.survey_version_id)!.definition;
      definition = definitionSchema.parse(JSON.parse(json));
      definitions.set(row.survey_version_id, definition);
    }
    return definition;
  }

  function requireBatch(id: string): BatchRow {
    const row = st.batch.get(id);
    if (!row) throw new AppError('NOT_FOUND', { what: `paper batch ${id}` });
    return row;
  }

  function requireOpen(row: BatchRow): void {
    if (row.status === 'verified') {
      throw new AppError('CONFLICT', {
        reason: `batch ${row.batch_no} is verified; start a new batch`,
      });
    }
  }

  function definitionOf(row: BatchRow): SurveyDefinition {
    const published = fieldwork.publishedDefinition(row.survey_id);
    if (published.versionNo !== row.version_no) {
      throw new AppError('CONFLICT', {
        reason: `batch ${row.batch_no} was made for version ${row.version_no}; the survey is now at version ${published.versionNo}`,
      });
    }
    return published.definition;
  }

  /** Double entry needs two different people: the passes' operators must not meet. */
  function checkOperator(row: BatchRow, pass: EntryPass, operator: string | null): void {
    if (row.double_entry !== 1) return;
    const others =
      pass === 1
        ? st.secondPass.all(row.id).map((r) => r.operator)
        : st.firstPass.all(row.id).map((r) => r.interviewer);
    if (others.some((o) => (o ?? '') === (operator ?? ''))) {
      throw new AppError('SAME_OPERATOR', { operator: operator ?? '-' });
    }
  }

  function knownVariables(definition: SurveyDefinition): Set<string> {
    const names = new Set(variablesOf(definition).map((v) => v.name));
    for (const { question } of variablesOf(definition)) {
      if ('choices' in question && question.choices.some((c) => c.other))
        names.add(`${question.name}_other`);
    }
    return names;
  }

  function cards(batchId: string): PaperCard[] {
    const first = st.firstPass.all(batchId).map((r): PaperCard => ({
      cardNo: r.card_no,
      pass: 1,
      operator: r.interviewer,
      responseId: r.id,
      finished: r.status === 'complete',
      enteredAt: r.completed_at ?? r.updated_at,
    }));
    const second = st.secondPass.all(batchId).map((r): PaperCard => ({
      cardNo: r.card_no,
      pass: 2,
      operator: r.operator,
      responseId: null,
      finished: r.entry_stats !== null,
      enteredAt: r.entered_at,
    }));
    return [...first, ...second].sort((a, b) => a.pass - b.pass || byCardNo(a.cardNo, b.cardNo));
  }

  function compare(batchId: string): PaperComparison {
    const row = requireBatch(batchId);
    const order = new Map(variablesOf(definitionOfBatch(row)).map((v, i) => [v.name, i]));
    const first = new Map<string, { id: string; answers: Answers }>();
    const unfinished = new Set<string>();
    for (const r of st.firstPass.all(batchId)) {
      if (r.status !== 'complete') unfinished.add(r.card_no);
      else first.set(r.card_no, { id: r.id, answers: answersOf(st.answers.all(r.id)) });
    }
    const second = new Map<string, Answers>();
    for (const r of st.secondPass.all(batchId)) {
      if (r.entry_stats === null) unfinished.add(r.card_no);
      else second.set(r.card_no, JSON.parse(r.answers) as Answers);
    }
    const diff = diffPasses(first, second, unfinished, order);
    const left = diff.mismatches.length + diff.missingFirst.length + diff.missingSecond.length;
    return {
      batch: batchOf(row),
      ...diff,
      verifiable: row.double_entry === 1 && diff.comparedCards > 0 && left + unfinished.size === 0,
    };
  }

  return {
    batches: (surveyId: string): PaperBatch[] => st.batches.all(surveyId).map(batchOf),

    batch: (id: string): PaperBatchDetail => ({
      batch: batchOf(requireBatch(id)),
      cards: cards(id),
    }),

    createBatch(input: BatchInput, operator: string | null): PaperBatch {
      const { versionNo } = fieldwork.publishedDefinition(input.surveyId);
      const version = st.versionOf.get(input.surveyId, versionNo)!;
      if (st.batchNoTaken.get(version.id, input.batchNo)) {
        throw new AppError('CONFLICT', { reason: `batch number ${input.batchNo} exists` });
      }
      const id = randomUUID();
      st.insertBatch.run(
        id,
        version.id,
        input.waveId,
        input.event,
        input.batchDate,
        input.batchNo,
        operator,
        input.doubleEntry ? 1 : 0,
        now(),
      );
      return batchOf(requireBatch(id));
    },

    /** Starts (or restarts from empty) one card; returns the first-pass response id. */
    startCard(
      batchId: string,
      pass: EntryPass,
      cardNo: string,
      consent: boolean,
      operator: string | null,
    ): { responseId: string | null } {
      const row = requireBatch(batchId);
      requireOpen(row);
      const definition = definitionOf(row);
      checkOperator(row, pass, operator);
      const at = now();
      if (pass === 2) {
        if (row.double_entry !== 1)
          throw new AppError('CONFLICT', { reason: `batch ${row.batch_no} is keyed once only` });
        if (st.secondCard.get(batchId, cardNo)?.entry_stats)
          throw new AppError('CARD_EXISTS', { card: cardNo });
        st.upsertSecond.run(batchId, cardNo, operator, at);
        return { responseId: null };
      }
      if (definition.consent.required && !consent) throw new AppError('CONSENT_REQUIRED', {});
      // The card was filled in on the batch date; that is its start, not the moment it is typed
      // (typing takes seconds and would otherwise flag every card "too fast").
      const startedAt = `${row.batch_date}T00:00:00.000Z`;
      const consentValue = consent
        ? {
            given: true as const,
            method: 'paper' as const,
            versionNo: row.version_no,
            givenAt: startedAt,
          }
        : null;
      const existing = st.firstCard.get(batchId, cardNo);
      if (existing && existing.status !== 'in_progress')
        throw new AppError('CARD_EXISTS', { card: cardNo });
      if (row.status === 'entered') st.setStatus.run('open', batchId);
      if (existing) {
        db.transaction(() => {
          st.clearAnswers.run(existing.id);
          st.restartResponse.run(
            consentValue ? JSON.stringify(consentValue) : null,
            operator,
            at,
            existing.id,
          );
          st.history.run(
            existing.id,
            existing.id,
            at,
            operator,
            'paper_restart',
            null,
            null,
            null,
            null,
          );
        })();
        return { responseId: existing.id };
      }
      const record = fieldwork.start({
        surveyId: row.survey_id,
        waveId: row.wave_id,
        customerId: null,
        channel: 'paper',
        interviewer: operator,
        consent: consentValue,
        batchId,
        cardNo,
        startedAt,
      });
      return { responseId: record.id };
    },

    secondAnswer(
      batchId: string,
      cardNo: string,
      variable: string,
      value: AnswerValue,
    ): { savedAt: string } {
      const row = requireBatch(batchId);
      const card = st.secondCard.get(batchId, cardNo);
      if (!card || card.entry_stats !== null) {
        throw new AppError('CONFLICT', {
          reason: `card ${cardNo} is not being keyed in the second pass`,
        });
      }
      if (!knownVariables(definitionOfBatch(row)).has(variable)) {
        throw new AppError(
          'INVALID_INPUT',
          { details: `${variable} is not a question of this questionnaire` },
          [{ path: variable, message: 'unknown variable' }],
        );
      }
      const answers = JSON.parse(card.answers) as Answers;
      if (normalized(value) === 'null') delete answers[variable];
      else answers[variable] = value;
      st.setSecondAnswers.run(JSON.stringify(answers), batchId, cardNo);
      return { savedAt: now() };
    },

    finishCard(
      batchId: string,
      pass: EntryPass,
      cardNo: string,
      stats: PaperEntryStats,
    ): PaperCard {
      const row = requireBatch(batchId);
      if (pass === 1) {
        const card = st.firstCard.get(batchId, cardNo);
        if (!card) throw new AppError('NOT_FOUND', { what: `card ${cardNo}` });
        fieldwork.complete(card.id);
        fieldwork.setEntryStats(card.id, stats);
      } else {
        const card = st.secondCard.get(batchId, cardNo);
        if (!card) throw new AppError('NOT_FOUND', { what: `card ${cardNo}` });
        const problems = cardProblems(definitionOfBatch(row), JSON.parse(card.answers) as Answers);
        if (problems.length) {
          throw new AppError(
            'ANSWERS_INCOMPLETE',
            {
              count: problems.length,
              names: problems
                .slice(0, 5)
                .map((p) => p.path)
                .join(', '),
            },
            problems,
          );
        }
        st.finishSecond.run(JSON.stringify(stats), now(), batchId, cardNo);
      }
      return cards(batchId).find((c) => c.pass === pass && c.cardNo === cardNo)!;
    },

    closeBatch(id: string): PaperBatch {
      if (requireBatch(id).status === 'open') st.setStatus.run('entered', id);
      return batchOf(requireBatch(id));
    },

    stats(id: string): OperatorStats[] {
      requireBatch(id);
      const parse = (json: string) => JSON.parse(json) as PaperEntryStats;
      return operatorStats([
        ...st.firstPass
          .all(id)
          .flatMap((r) =>
            r.status === 'complete' && r.entry_stats
              ? [{ pass: 1 as const, operator: r.interviewer, stats: parse(r.entry_stats) }]
              : [],
          ),
        ...st.secondPass
          .all(id)
          .flatMap((r) =>
            r.entry_stats
              ? [{ pass: 2 as const, operator: r.operator, stats: parse(r.entry_stats) }]
              : [],
          ),
      ]);
    },

    compare,

    /**
     * Settles a mismatch: a changed first-pass value goes through the field-work service's edit
     * (new revision, history entry); a kept one is noted in the history with the overruled
     * second-pass value. The second pass is then set to agree. All in one transaction.
     */
    resolve(
      batchId: string,
      cardNo: string,
      variable: string,
      value: AnswerValue,
      actor: string | null,
    ): PaperComparison {
      const row = requireBatch(batchId);
      requireOpen(row);
      if (row.double_entry !== 1)
        throw new AppError('CONFLICT', { reason: `batch ${row.batch_no} is keyed once only` });
      const first = st.firstCard.get(batchId, cardNo);
      const second = st.secondCard.get(batchId, cardNo);
      if (!first || first.status !== 'complete' || !second?.entry_stats) {
        throw new AppError('NOT_FOUND', { what: `card ${cardNo} in both passes` });
      }
      const definition = definitionOfBatch(row);
      const entry = variablesOf(definition).find(
        (v) => v.name === variable || `${v.name}_other` === variable,
      );
      if (!entry || !knownVariables(definition).has(variable)) {
        throw new AppError('INVALID_INPUT', {
          details: `${variable} is not a question of this questionnaire`,
        });
      }
      const before = answersOf(st.answers.all(first.id));
      if (value !== null && variable === entry.name) {
        const problems = checkAnswer(entry.question, { ...before, [variable]: value }).filter(
          (p) => p.code !== 'required' && p.code !== 'other_missing',
        );
        if (problems.length) {
          throw new AppError(
            'INVALID_INPUT',
            { details: `${variable}: ${problems[0]!.code}` },
            problems.map((p) => ({ path: variable, message: p.code })),
          );
        }
      }
      const secondAnswers = JSON.parse(second.answers) as Answers;
      const comment = `paper double entry, card ${cardNo}`;
      db.transaction(() => {
        if (normalized(before[variable]) !== normalized(value)) {
          fieldwork.edit(first.id, { [variable]: value }, actor, comment);
        } else {
          const overruled = JSON.stringify(secondAnswers[variable] ?? null);
          st.history.run(
            first.id,
            first.id,
            now(),
            actor,
            'double_entry_kept',
            variable,
            overruled,
            JSON.stringify(value),
            comment,
          );
        }
        if (normalized(value) === 'null') delete secondAnswers[variable];
        else secondAnswers[variable] = value;
        st.setSecondAnswers.run(JSON.stringify(secondAnswers), batchId, cardNo);
      })();
      return compare(batchId);
    },

    verify(id: string): PaperBatch {
      const result = compare(id);
      if (!result.batch.doubleEntry)
        throw new AppError('CONFLICT', {
          reason: `batch ${result.batch.batchNo} is keyed once only`,
        });
      if (!result.verifiable) {
        const missing =
          result.missingFirst.length + result.missingSecond.length + result.unfinished.length;
        throw new AppError('BATCH_NOT_VERIFIED', { mismatches: result.mismatches.length, missing });
      }
      st.setStatus.run('verified', id);
      return batchOf(requireBatch(id));
    },
  };
}

export type PaperService = ReturnType<typeof paperService>;
