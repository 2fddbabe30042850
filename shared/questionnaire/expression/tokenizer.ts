/**
 * Splits an expression into tokens on demand, so the parser reports the leftmost problem
 * first. Knows the common slips of people used to spreadsheets or a Chinese input method
 * (`==`, `&&`, full-width brackets and quotes) and names the character to type instead.
 */
import { syntaxError } from './errors';

interface TokenBase {
  /** 0-based offset of the token's first character in the source. */
  position: number;
  /** The token exactly as written. */
  text: string;
}

/**
 * `name` covers function names and the keyword operators (and, or, div, mod); `symbol` the
 * punctuation and operator characters; `end` is returned forever once the source is used up.
 */
export type Token = TokenBase &
  (
    | { kind: 'number'; value: number }
    | { kind: 'string'; value: string }
    | { kind: 'variable'; name: string }
    | { kind: 'current' | 'name' | 'symbol' | 'end' }
  );

/** A question name inside `${...}`: a letter or `_` first, then letters, digits, `_`, `-`, `.`. */
export const VARIABLE_NAME_PATTERN = /^[\p{L}_][\p{L}\p{M}\p{Nd}_.-]*$/u;

const NUMBER = /\d+(?:\.\d*)?|\.\d+/y;
// Hyphens and prefixes join name parts only before a letter: `count-selected`, but `div-1`.
const NAME = /[\p{L}_][\p{L}\p{M}\p{Nd}_]*(?:[-:][\p{L}_][\p{L}\p{M}\p{Nd}_]*)*/uy;
const NAME_PART = /[\p{L}\p{M}\p{Nd}_.-]*/uy;
// Zero-width spaces come along when rules are pasted from chat apps and word processors.
const WHITESPACE = /[\s\u200B-\u200D]*/y;

/** Nothing but whitespace: an expression that says nothing. */
export function isBlank(source: string): boolean {
  return /^[\s\u200B-\u200D]*$/.test(source);
}

const SYMBOLS = ['!=', '<=', '>=', '=', '<', '>', '+', '-', '*', '(', ')', ','];

/** Characters that are not part of the language, with what the writer most likely meant. */
const MISTAKES: readonly (readonly [string, string])[] = [
  ['==', '='],
  ['<>', '!='],
  ['&&', 'and'],
  ['||', 'or'],
  ['&', 'and'],
  ['|', 'or'],
  ['!', 'not()'],
  ['/', 'div'],
  ['%', 'mod'],
  ['（', '('],
  ['）', ')'],
  ['，', ','],
  ['＝', '='],
  ['＜', '<'],
  ['＞', '>'],
  ['＋', '+'],
  ['－', '-'],
  ['＊', '*'],
  ['‘', "'"],
  ['’', "'"],
  ['“', '"'],
  ['”', '"'],
  ['＄', '$'],
  ['｛', '{'],
  ['｝', '}'],
];

/** Operators and punctuation, and the slips with their suggestion, longest first. */
const PUNCTUATION: readonly (readonly [string, string | undefined])[] = [
  ...SYMBOLS.map((symbol) => [symbol, undefined] as const),
  ...MISTAKES,
].sort(([a], [b]) => b.length - a.length);

export class Lexer {
  private offset = 0;
  private readonly lookahead: Token[] = [];

  constructor(private readonly source: string) {}

  /** The token `ahead` positions after the current one, without consuming anything. */
  peek(ahead = 0): Token {
    while (this.lookahead.length <= ahead) this.lookahead.push(this.read());
    const token = this.lookahead[ahead];
    if (!token) throw new Error('lexer lookahead is empty');
    return token;
  }

  next(): Token {
    const token = this.peek();
    this.lookahead.shift();
    return token;
  }

  private read(): Token {
    const { source } = this;
    WHITESPACE.lastIndex = this.offset;
    WHITESPACE.test(source);
    const position = WHITESPACE.lastIndex;
    this.offset = position;
    if (position >= source.length) return { kind: 'end', position, text: '' };

    const char = source.charAt(position);
    const number = this.match(NUMBER, position);
    if (number !== undefined) {
      return { kind: 'number', value: Number(number), position, text: this.take(number) };
    }
    if (char === '.') return { kind: 'current', position, text: this.take('.') };
    if (char === "'" || char === '"') return this.readString(char, position);
    if (char === '$') return this.readVariable(position);
    const name = this.match(NAME, position);
    if (name !== undefined) return { kind: 'name', position, text: this.take(name) };

    // Longest match first, across both lists: `!=` is an operator, `!` a slip; `=` an
    // operator, `==` a slip.
    const symbol = PUNCTUATION.find(([candidate]) => source.startsWith(candidate, position));
    if (symbol) {
      const [found, suggestion] = symbol;
      if (suggestion === undefined) return { kind: 'symbol', position, text: this.take(found) };
      throw syntaxError('unexpected_character', position, found.length, {
        char: found,
        suggestion,
      });
    }

    const codePoint = String.fromCodePoint(source.codePointAt(position) ?? 0);
    throw syntaxError('unexpected_character', position, codePoint.length, { char: codePoint });
  }

  private readString(quote: string, position: number): Token {
    const close = this.source.indexOf(quote, position + 1);
    if (close < 0) {
      throw syntaxError('unterminated_string', position, this.source.length - position, { quote });
    }
    const text = this.take(this.source.slice(position, close + 1));
    return { kind: 'string', value: text.slice(1, -1), position, text };
  }

  private readVariable(position: number): Token {
    const { source } = this;
    if (source.charAt(position + 1) !== '{') {
      const name = this.match(NAME_PART, position + 1) ?? '';
      throw syntaxError('bad_variable_reference', position, 1 + name.length, {
        reason: 'missing_braces',
        name,
      });
    }
    const part = this.match(NAME_PART, position + 2) ?? '';
    let close = position + 2 + part.length;
    if (source.charAt(close) !== '}') {
      // `${a b}` is a bad name; `${q1 = 'x'` (no brace before the next reference or text) is
      // an unclosed reference.
      const later = source.indexOf('}', close);
      const between = later < 0 ? '' : source.slice(close, later);
      if (later < 0 || /[${'"]/.test(between)) {
        throw syntaxError('bad_variable_reference', position, close - position, {
          reason: 'unclosed',
          name: part,
        });
      }
      close = later;
    }
    const name = source.slice(position + 2, close);
    const text = source.slice(position, close + 1);
    if (name === '') {
      throw syntaxError('bad_variable_reference', position, text.length, { reason: 'empty' });
    }
    if (!VARIABLE_NAME_PATTERN.test(name)) {
      throw syntaxError('bad_variable_reference', position, text.length, {
        reason: 'invalid_name',
        name,
      });
    }
    return { kind: 'variable', name, position, text: this.take(text) };
  }

  private match(pattern: RegExp, position: number): string | undefined {
    pattern.lastIndex = position;
    const found = pattern.exec(this.source);
    return found && found[0] !== '' ? found[0] : undefined;
  }

  private take(text: string): string {
    this.offset += text.length;
    return text;
  }
}
