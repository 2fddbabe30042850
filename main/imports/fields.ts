/**
 * The response fields of an imported row: start and end times (or one of them and a duration,
 * as online tools export), channel and consent. Times without a zone are this machine's local
 * time, as the tools that wrote them showed them to the person exporting.
 */
import type { Channel } from '../../shared/responses';

/** An instant from `2026-03-02 09:30[:15]`, `2026/3/2 9:30`, `2026年3月2日 9:30` or ISO with a zone. */
export function parseInstant(text: string): Date | null {
  const t = text.trim().normalize('NFKC');
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  const m =
    /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(
      t,
    );
  if (!m) return null;
  const part = (i: number) => Number(m[i] ?? 0);
  const [y, mo, d, h, mi, s] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null;
  const fraction = m[7] ? Number(m[7]) * 10 ** (3 - m[7].length) : 0;
  const date = new Date(y, mo - 1, d, h, mi, s, fraction);
  return date.getDate() === d && date.getMonth() === mo - 1 ? date : null;
}

/**
 * A response's times from what its row gives: start and end, or either with a duration. A time
 * alone is taken as the start and the end stays unknown, so no one is called a speeder on a
 * duration of zero.
 */
export function responseTimes(
  start: Date | null,
  end: Date | null,
  seconds: number | null,
): { startedAt: Date | null; completedAt: Date | null } {
  if (start && end) return { startedAt: start, completedAt: end };
  if (start)
    return {
      startedAt: start,
      completedAt: seconds === null ? null : new Date(start.getTime() + seconds * 1000),
    };
  if (end && seconds !== null)
    return { startedAt: new Date(end.getTime() - seconds * 1000), completedAt: end };
  return { startedAt: end, completedAt: null };
}

const UNIT_SECONDS: [RegExp, number][] = [
  [/^(h|hr|hrs|hour|hours|小时|时)$/, 3600],
  [/^(m|min|mins|minute|minutes|分|分钟)$/, 60],
  [/^(s|sec|secs|second|seconds|秒|秒钟)$/, 1],
];

/**
 * Seconds from `125`, `125.4`, `2:05`, `1:02:05`, `2分5秒`, `2 min 5 s`, `125秒`; a bare
 * number is in `unit` (the column says seconds or minutes). Null when not a duration.
 */
export function parseDuration(
  text: string,
  unit: 'seconds' | 'minutes' = 'seconds',
): number | null {
  const t = text.trim().normalize('NFKC').toLowerCase();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * (unit === 'minutes' ? 60 : 1);
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (clock) {
    const [a, b, c] = [clock[1], clock[2], clock[3]].map((v) => Number(v ?? 0)) as [
      number,
      number,
      number,
    ];
    return clock[3] === undefined ? a * 60 + b : a * 3600 + b * 60 + c;
  }
  const parts = [...t.matchAll(/(\d+(?:\.\d+)?)\s*([a-z\u4e00-\u9fff]+)/g)];
  if (
    parts.length === 0 ||
    parts
      .map((p) => p[0])
      .join('')
      .replace(/\s/g, '') !== t.replace(/\s/g, '')
  ) {
    return null;
  }
  let seconds = 0;
  for (const part of parts) {
    const factor = UNIT_SECONDS.find(([pattern]) => pattern.test(part[2]!))?.[1];
    if (factor === undefined) return null;
    seconds += Number(part[1]) * factor;
  }
  return seconds;
}

const CHANNEL_WORDS: Record<Channel, string[]> = {
  interview: [
    'interview',
    'face to face',
    'face-to-face',
    'phone',
    'telephone',
    '访谈',
    '面访',
    '访问',
    '电话',
  ],
  kiosk: ['kiosk', 'tablet', '平板', '自助', '现场平板'],
  paper: ['paper', 'card', '纸质', '纸卷', '纸质问卷'],
  import: [
    'import',
    'online',
    'web',
    'email',
    'e-mail',
    'wechat',
    '在线',
    '网络',
    '网页',
    '导入',
    '邮件',
    '微信',
  ],
};

/** A channel from its code or a common word for it; null when not one. */
export function parseChannel(text: string): Channel | null {
  const t = text.trim().normalize('NFKC').toLowerCase();
  for (const [channel, words] of Object.entries(CHANNEL_WORDS) as [Channel, string[]][]) {
    if (words.includes(t)) return channel;
  }
  return null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'agree', 'agreed', '是', '同意', '已同意', '愿意']);
const NO = new Set(['no', 'n', 'false', '0', 'disagree', '否', '不同意', '拒绝']);

/** true = consented, false = refused, null = not a yes or a no. */
export function parseConsent(text: string): boolean | null {
  const t = text.trim().normalize('NFKC').toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}
