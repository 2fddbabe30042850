/**
 * Paper entry speed: scripted cards replayed through the pure keystroke machine the entry
 * screen runs (renderer/src/screens/fieldwork/paper/keys.ts).
 *   - keystrokes: a 20-question card of single-key codes must take at most one key per answer
 *     plus one per card (the Enter that saves it); reported as keys / answers, target <= 1.05.
 *   - time: ms per card through the machine versus a baseline measured in the same run: the
 *     least a checking entry form does, visiblePages + checkAnswer once per answer. The machine
 *     recomputes the shown fields after each key, so the ratio says what that costs; the
 *     absolute figure must stay far below a typist's pace (~100 ms per key).
 * A second script keys the after-sales template, where skip logic hides a question.
 */
import { performance } from 'node:perf_hooks';
import { definitionSchema, type SurveyDefinition } from '../shared/questionnaire/model';
import { checkAnswer, visiblePages, type Answers } from '../shared/questionnaire/runtime';
import { instantiateTemplate } from '../shared/questionnaire/templates';
import { nextCardNumber } from '../renderer/src/screens/fieldwork/paper/fields';
import {
  initialState,
  replay,
  type EntryContext,
} from '../renderer/src/screens/fieldwork/paper/keys';

const lb = (text: string) => ({ 'zh-CN': text, en: text });
const choices = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ value: `c${i + 1}`, label: lb(`选项${i + 1}`) }));

/** 15 Likert items, 3 single choices, a range and an NPS: 20 answers of one key each. */
const twentyQuestions: SurveyDefinition = definitionSchema.parse({
  formatVersion: 1,
  title: lb('20 题'),
  languages: ['zh-CN'],
  defaultLanguage: 'zh-CN',
  pages: [
    {
      id: 'p1',
      title: lb('一'),
      questions: [
        ...Array.from({ length: 15 }, (_, i) => ({
          type: 'likert',
          id: `l${i}`,
          name: `l${i}`,
          label: lb(`题${i}`),
          required: true,
        })),
        ...[1, 2, 3].map((i) => ({
          type: 'single',
          id: `s${i}`,
          name: `s${i}`,
          label: lb(`单选${i}`),
          required: true,
          choices: choices(4),
        })),
        {
          type: 'range',
          id: 'r',
          name: 'r',
          label: lb('时长'),
          required: true,
          choices: choices(5),
        },
        { type: 'nps', id: 'nps', name: 'nps', label: lb('推荐'), required: true },
      ],
    },
  ],
});

const TWENTY_KEYS = [...'432543215432154', '1', '2', '3', '4', '8', 'Enter'];
// After-sales: solved = 1 (yes) hides "what is still not solved"; "-" leaves the suggestion out.
const AFTER_SALES_KEYS = ['1', '2', '4', '5', '4', '1', '4', '5', '9', '-', 'Enter'];

interface CardRun {
  cards: number;
  keystrokes: number;
  answers: number;
  ms: number;
}

function runCards(definition: SurveyDefinition, keys: string[], cards: number): CardRun {
  const entered = new Set<string>();
  const ctx: EntryContext = {
    definition,
    entered,
    nextCardNo: (after) => nextCardNumber(after, entered),
  };
  // The first card of a sitting also takes the Enter that confirms its number; after it each
  // card starts by itself, so it is keyed before counting starts.
  let state = replay(initialState('0'), ['Enter', ...keys], ctx).state;
  let keystrokes = 0;
  let answers = 0;
  const start = performance.now();
  for (let i = 0; i < cards; i++) {
    const result = replay(state, keys, ctx);
    const save = result.effects.find((e) => e.type === 'save');
    if (!save || save.type !== 'save')
      throw new Error(`card ${i + 1} was not saved: ${JSON.stringify(result.state.refusal)}`);
    keystrokes += save.stats.keystrokes;
    answers += save.stats.answers;
    entered.add(save.cardNo);
    state = result.state;
  }
  return { cards, keystrokes, answers, ms: performance.now() - start };
}

/** The baseline: one visiblePages + checkAnswer per answer of the same card, nothing else. */
function runBaseline(definition: SurveyDefinition, values: Answers, cards: number): number {
  const start = performance.now();
  for (let i = 0; i < cards; i++) {
    const answers: Answers = {};
    for (const [name, value] of Object.entries(values)) {
      answers[name] = value;
      const question = visiblePages(definition, answers)
        .flatMap((p) => p.questions)
        .find((q) => q.name === name)!;
      if (checkAnswer(question, answers).length) throw new Error(`baseline: ${name} refused`);
    }
  }
  return performance.now() - start;
}

export interface PaperEntryBench {
  keysPerCard: number;
  answersPerCard: number;
  keysPerAnswer: number;
  msPerCard: number;
  baselineMsPerCard: number;
  ratio: number;
  skipLogic: { keysPerCard: number; answersPerCard: number; msPerCard: number };
}

export function benchPaperEntry(cards = Number(process.env.BENCH_CARDS ?? 300)): PaperEntryBench {
  runCards(twentyQuestions, TWENTY_KEYS, 30); // warm-up
  const machine = runCards(twentyQuestions, TWENTY_KEYS, cards);
  const values: Answers = { s1: 'c1', s2: 'c2', s3: 'c3', r: 'c4', nps: 8 };
  [...'432543215432154'].forEach((k, i) => (values[`l${i}`] = Number(k)));
  runBaseline(twentyQuestions, values, 30);
  const baselineMs = runBaseline(twentyQuestions, values, cards);
  const skip = runCards(instantiateTemplate('after-sales'), AFTER_SALES_KEYS, cards);
  return {
    keysPerCard: machine.keystrokes / cards,
    answersPerCard: machine.answers / cards,
    keysPerAnswer: machine.keystrokes / machine.answers,
    msPerCard: machine.ms / cards,
    baselineMsPerCard: baselineMs / cards,
    ratio: machine.ms / baselineMs,
    skipLogic: {
      keysPerCard: skip.keystrokes / cards,
      answersPerCard: skip.answers / cards,
      msPerCard: skip.ms / cards,
    },
  };
}

/** Prints the figures; false when a target is missed. */
export function reportPaperEntry(): boolean {
  const r = benchPaperEntry();
  console.log(
    `paper entry: ${r.keysPerCard.toFixed(1)} keys for ${r.answersPerCard.toFixed(0)} answers per card, keys/answer ${r.keysPerAnswer.toFixed(3)}  target <= ${((r.answersPerCard + 1) / r.answersPerCard).toFixed(3)}`,
  );
  console.log(
    `paper entry: ${r.msPerCard.toFixed(3)} ms per card through the key machine (baseline visiblePages + checkAnswer ${r.baselineMsPerCard.toFixed(3)} ms), ratio ${r.ratio.toFixed(2)}  target ms/card <= 50`,
  );
  console.log(
    `paper entry with skip logic (after-sales): ${r.skipLogic.keysPerCard.toFixed(1)} keys for ${r.skipLogic.answersPerCard.toFixed(0)} shown questions, ${r.skipLogic.msPerCard.toFixed(3)} ms per card`,
  );
  return r.keysPerCard <= r.answersPerCard + 1 && r.msPerCard <= 50;
}
