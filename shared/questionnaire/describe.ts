/**
 * Skip logic in words a respondent understands: "仅当第 24 题选择“可以，请电话联系我”时回答".
 * The paper card prints it before a question or a section. Questions are named by the numbers
 * the card prints (numberedQuestions) and choices by their labels, never by variable names or
 * stored values. What cannot be phrased falls back to a generic sentence with the expression,
 * so a card never silently drops a condition.
 */
import { numberedQuestions } from './entry-codes';
import { parseExpression, printExpression, type Expr } from './expression';
import { textIn, type Question, type SurveyDefinition, type SurveyLanguage } from './model';

type Comparison = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A condition in negation normal form: `not` has been pushed into the atoms. */
type Condition = Group | Atom;
type Group = { kind: 'all' | 'any'; parts: Condition[] };
type Atom =
  /** Chose (single choice) or ticked (multiple choice) one of / all of `labels`. */
  | {
      kind: 'choice';
      number: number;
      labels: string[];
      ticked: boolean;
      negated: boolean;
      join: 'and' | 'or';
    }
  | { kind: 'score'; number: number; item: string | null; op: Comparison; value: number }
  | { kind: 'numeric'; number: number; op: Comparison; value: number }
  | { kind: 'answered'; number: number; negated: boolean }
  | { kind: 'count'; number: number; op: '=' | '<=' | '>='; value: number };

interface Target {
  number: number;
  question: Question;
  /** The matrix item's label when the variable is one row of a matrix. */
  item: string | null;
}

interface Context {
  targets: Map<string, Target>;
  lang: SurveyLanguage;
  fallback: SurveyLanguage;
}

const NEGATED: Record<Comparison, Comparison> = {
  '=': '!=',
  '!=': '=',
  '<': '>=',
  '<=': '>',
  '>': '<=',
  '>=': '<',
};
const MIRRORED: Record<Comparison, Comparison> = {
  '=': '=',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};
const COMPARISONS = new Set<string>(Object.keys(NEGATED));

/**
 * The skip instruction for a question (or, with `scope: 'page'`, a section) whose relevance is
 * `source`; null when it is always shown.
 */
export function describeRelevance(
  source: string,
  definition: SurveyDefinition,
  lang: SurveyLanguage,
  scope: 'question' | 'page' = 'question',
): string | null {
  if (!source.trim()) return null;
  const words = PHRASES[lang];
  const targets = targetsOf(definition, lang);
  const parsed = parseExpression(source);
  const condition = parsed.ok
    ? toCondition(parsed.ast, false, { targets, lang, fallback: definition.defaultLanguage })
    : null;
  if (!condition) return words.generic(readableSource(source, targets, lang));
  return words.sentence(phrase(condition, lang, true), scope);
}

function targetsOf(definition: SurveyDefinition, lang: SurveyLanguage): Map<string, Target> {
  const targets = new Map<string, Target>();
  for (const { number, question } of numberedQuestions(definition)) {
    if (number === 0) continue;
    targets.set(question.name, { number, question, item: null });
    if (question.type !== 'matrix') continue;
    for (const item of question.items) {
      targets.set(item.name, {
        number,
        question,
        item: textIn(item.label, lang, definition.defaultLanguage),
      });
    }
  }
  return targets;
}

function toCondition(expr: Expr, negated: boolean, ctx: Context): Condition | null {
  if (expr.kind === 'call' && expr.name === 'not' && expr.args[0]) {
    return toCondition(expr.args[0], !negated, ctx);
  }
  if (expr.kind === 'binary' && (expr.operator === 'and' || expr.operator === 'or')) {
    // De Morgan: not(a and b) = not(a) or not(b).
    const all = (expr.operator === 'and') !== negated;
    const parts: Condition[] = [];
    for (const side of [expr.left, expr.right]) {
      const part = toCondition(side, negated, ctx);
      if (!part) return null;
      const kind = all ? 'all' : 'any';
      if (part.kind === kind) parts.push(...part.parts);
      else parts.push(part);
    }
    return { kind: all ? 'all' : 'any', parts: mergeChoices(parts, all) };
  }
  if (expr.kind === 'call' && expr.name === 'selected') {
    return selectedCondition(expr.args, negated, ctx);
  }
  if (expr.kind === 'binary' && COMPARISONS.has(expr.operator)) {
    const op = expr.operator as Comparison;
    // Variable on the left: `2 >= ${q}` reads as `${q} <= 2`.
    const [subject, literal, ordered] = isLiteral(expr.left)
      ? [expr.right, expr.left, MIRRORED[op]]
      : [expr.left, expr.right, op];
    return comparisonCondition(subject, literal, negated ? NEGATED[ordered] : ordered, ctx);
  }
  return null;
}

function isLiteral(expr: Expr): expr is Extract<Expr, { kind: 'number' | 'string' }> {
  return expr.kind === 'number' || expr.kind === 'string';
}

function selectedCondition(args: Expr[], negated: boolean, ctx: Context): Condition | null {
  const [variable, value] = args;
  if (variable?.kind !== 'variable' || !value || !isLiteral(value)) return null;
  const target = ctx.targets.get(variable.name);
  const label = target && choiceLabel(target.question, String(value.value), ctx);
  if (!target || label === null || label === undefined) return null;
  const ticked = target.question.type === 'multiple';
  return { kind: 'choice', number: target.number, labels: [label], ticked, negated, join: 'or' };
}

function comparisonCondition(
  subject: Expr,
  literal: Expr,
  op: Comparison,
  ctx: Context,
): Condition | null {
  if (!isLiteral(literal)) return null;
  if (subject.kind === 'call' && subject.name === 'count-selected') {
    const variable = subject.args[0];
    const target = variable?.kind === 'variable' ? ctx.targets.get(variable.name) : undefined;
    if (!target || literal.kind !== 'number') return null;
    return countCondition(target.number, op, literal.value);
  }
  if (subject.kind !== 'variable') return null;
  const target = ctx.targets.get(subject.name);
  if (!target) return null;
  const { number, question } = target;
  if (literal.kind === 'string' && literal.value === '' && (op === '=' || op === '!=')) {
    return { kind: 'answered', number, negated: op === '=' };
  }
  if ('choices' in question) {
    if (op !== '=' && op !== '!=') return null;
    const label = choiceLabel(question, String(literal.value), ctx);
    if (label === null) return null;
    const ticked = question.type === 'multiple';
    return { kind: 'choice', number, labels: [label], ticked, negated: op === '!=', join: 'or' };
  }
  const value = Number(literal.value);
  if (!Number.isFinite(value) || (literal.kind === 'string' && literal.value.trim() === '')) {
    return null;
  }
  if (question.type === 'likert' || question.type === 'nps' || question.type === 'matrix') {
    return { kind: 'score', number, item: target.item, ...wholeScore(op, value) };
  }
  if (question.type === 'number') return { kind: 'numeric', number, op, value };
  return null;
}

/** Scales have whole points: `< 3` is "2 or less", which a respondent reads more easily. */
function wholeScore(op: Comparison, value: number): { op: Comparison; value: number } {
  if (!Number.isInteger(value)) return { op, value };
  if (op === '<') return { op: '<=', value: value - 1 };
  if (op === '>') return { op: '>=', value: value + 1 };
  return { op, value };
}

function countCondition(number: number, op: Comparison, value: number): Condition | null {
  if (!Number.isInteger(value)) return null;
  if (op === '>') return { kind: 'count', number, op: '>=', value: value + 1 };
  if (op === '<') return value >= 1 ? { kind: 'count', number, op: '<=', value: value - 1 } : null;
  if (op === '!=') return null;
  return { kind: 'count', number, op, value };
}

function choiceLabel(question: Question, value: string, ctx: Context): string | null {
  if (!('choices' in question)) return null;
  const choice = question.choices.find((c) => c.value === value);
  return choice ? textIn(choice.label, ctx.lang, ctx.fallback) || choice.value : null;
}

/**
 * Neighbouring conditions on the same question read as one: "第 3 题选择“A”或“B”". Only where
 * the merged wording means the same: chose A or chose B; ticked A and ticked B; did not choose
 * A and did not choose B ("did not choose A or B").
 */
function mergeChoices(parts: Condition[], all: boolean): Condition[] {
  const out: Condition[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    const join = !all || part.kind !== 'choice' || part.negated ? 'or' : 'and';
    const mergeable =
      last?.kind === 'choice' &&
      part.kind === 'choice' &&
      last.number === part.number &&
      last.ticked === part.ticked &&
      last.negated === part.negated &&
      (!part.negated || all) &&
      (last.labels.length === 1 || last.join === join);
    if (mergeable) {
      out[out.length - 1] = { ...last, labels: [...last.labels, ...part.labels], join };
    } else {
      out.push(part);
    }
  }
  return out;
}

function phrase(condition: Condition, lang: SurveyLanguage, top: boolean): string {
  const words = PHRASES[lang];
  if (isGroup(condition)) {
    const text = condition.parts
      .map((part) => phrase(part, lang, false))
      .join(words[condition.kind]);
    return top ? text : words.group(text);
  }
  return words.atom(condition);
}

function isGroup(condition: Condition): condition is Group {
  return condition.kind === 'all' || condition.kind === 'any';
}

/** The expression with `${name}` replaced by the question number, for the generic sentence. */
function readableSource(
  source: string,
  targets: Map<string, Target>,
  lang: SurveyLanguage,
): string {
  const parsed = parseExpression(source);
  const text = parsed.ok ? printExpression(parsed.ast) : source.trim();
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    const target = targets.get(name);
    return target ? PHRASES[lang].questionRef(target.number) : whole;
  });
}

interface Phrasebook {
  sentence(condition: string, scope: 'question' | 'page'): string;
  generic(expression: string): string;
  all: string;
  any: string;
  group(text: string): string;
  questionRef(number: number): string;
  atom(condition: Atom): string;
}

function chinese(traditional: boolean): Phrasebook {
  const t = (simplified: string, trad: string) => (traditional ? trad : simplified);
  const quote = (label: string) => (traditional ? `「${label}」` : `“${label}”`);
  const q = (n: number) => t(`第 ${n} 题`, `第 ${n} 題`);
  const numberWords: Record<Comparison, string> = {
    '=': '等于',
    '!=': t('不等于', '不等於'),
    '<': t('小于', '小於'),
    '<=': t('不超过', '不超過'),
    '>': t('大于', '大於'),
    '>=': t('不少于', '不少於'),
  };
  return {
    sentence(c, scope) {
      // Digits keep a space from the Chinese around them, as in "第 24 题".
      const spaced = /\d$/.test(c) ? `${c} ` : c;
      return t(`仅当${spaced}时回答`, `僅當${spaced}時回答`) + (scope === 'page' ? '本部分' : '');
    },
    generic: (e) => t(`请按以下条件作答：${e}`, `請按以下條件作答：${e}`),
    all: t('，并且', '，並且'),
    any: '，或者',
    group: (text) => `（${text}）`,
    questionRef: q,
    atom(c) {
      switch (c.kind) {
        case 'choice': {
          const verb = c.ticked
            ? c.negated
              ? t('未勾选', '未勾選')
              : t('勾选了', '勾選了')
            : c.negated
              ? t('未选择', '未選擇')
              : t('选择', '選擇');
          return `${q(c.number)}${verb}${c.labels.map(quote).join(c.join === 'and' ? '和' : '或')}`;
        }
        case 'score': {
          const where = c.item ? `${q(c.number)}${quote(c.item)}${t('一项', '一項')}` : q(c.number);
          if (c.op === '<=') return `${where}${t('选择', '選擇')} ${c.value} 分或以下`;
          if (c.op === '>=') return `${where}${t('选择', '選擇')} ${c.value} 分或以上`;
          if (c.op === '=') return `${where}${t('选择', '選擇')} ${c.value} 分`;
          if (c.op === '!=') return `${where}${t('未选择', '未選擇')} ${c.value} 分`;
          return `${where}${t('的分数', '的分數')}${numberWords[c.op]} ${c.value} 分`;
        }
        case 'numeric':
          return `${q(c.number)}${t('填写的数值', '填寫的數值')}${numberWords[c.op]} ${c.value}`;
        case 'answered':
          return `${q(c.number)}${c.negated ? '未作答' : '已作答'}`;
        case 'count': {
          const how = c.op === '>=' ? '至少' : c.op === '<=' ? '至多' : '恰好';
          return `${q(c.number)}${how}${t('勾选了', '勾選了')} ${c.value} ${t('项', '項')}`;
        }
      }
    },
  };
}

const english: Phrasebook = {
  sentence: (c, scope) =>
    scope === 'page' ? `Answer this section only if ${c}` : `Answer only if ${c}`,
  generic: (e) => `Answer according to this condition: ${e}`,
  all: ' and ',
  any: ' or ',
  group: (text) => `(${text})`,
  questionRef: (n) => `Q${n}`,
  atom(c) {
    const inQ = `in question ${c.number}`;
    switch (c.kind) {
      case 'choice': {
        const verb = c.ticked
          ? c.negated
            ? 'did not tick'
            : 'ticked'
          : c.negated
            ? 'did not choose'
            : 'chose';
        const labels = c.labels
          .map((label) => `“${label}”`)
          .join(c.join === 'and' ? ' and ' : ' or ');
        return `you ${verb} ${labels} ${inQ}`;
      }
      case 'score': {
        const where = c.item ? `for “${c.item}” ${inQ}` : inQ;
        if (c.op === '<=') return `you chose ${c.value} or lower ${where}`;
        if (c.op === '>=') return `you chose ${c.value} or higher ${where}`;
        if (c.op === '=') return `you chose ${c.value} ${where}`;
        if (c.op === '!=') return `you did not choose ${c.value} ${where}`;
        return `your score ${where} is ${c.op === '<' ? 'below' : 'above'} ${c.value}`;
      }
      case 'numeric': {
        const relation: Record<Comparison, string> = {
          '=': '',
          '!=': 'not ',
          '<': 'less than ',
          '<=': 'at most ',
          '>': 'more than ',
          '>=': 'at least ',
        };
        return `your answer to question ${c.number} is ${relation[c.op]}${c.value}`;
      }
      case 'answered':
        return c.negated
          ? `you left question ${c.number} blank`
          : `you answered question ${c.number}`;
      case 'count': {
        const how = c.op === '>=' ? 'at least' : c.op === '<=' ? 'at most' : 'exactly';
        return `you ticked ${how} ${c.value} ${c.value === 1 ? 'option' : 'options'} ${inQ}`;
      }
    }
  },
};

const PHRASES: Record<SurveyLanguage, Phrasebook> = {
  'zh-CN': chinese(false),
  'zh-TW': chinese(true),
  en: english,
};
