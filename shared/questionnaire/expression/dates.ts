/**
 * Dates travel as ISO text ('2024-05-31', '2024-05-31T14:05:00'), the way answers are stored.
 * For comparison and arithmetic they become days since 1970-01-01, with the time of day as a
 * fraction, read as wall-clock time: a time-zone suffix is accepted and ignored, so a record
 * compares with today() and now() in the time the interviewer saw.
 */

/** Calendar fields of a date or date-time. */
export interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

const MILLISECONDS_PER_DAY = 86_400_000;

/** The parts of an ISO date or date-time, or undefined when the text is not a real one. */
export function parseIsoDateTime(text: string): DateTimeParts | undefined {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((field) => Number(field ?? 0));
  const parts: DateTimeParts = {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: second ?? 0,
    millisecond: Math.floor(Number(`0.${match[7] ?? '0'}`) * 1000),
  };
  const valid =
    parts.month >= 1 &&
    parts.month <= 12 &&
    parts.day >= 1 &&
    parts.day <= daysInMonth(parts.year, parts.month) &&
    parts.hour <= 23 &&
    parts.minute <= 59 &&
    parts.second <= 59;
  return valid ? parts : undefined;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01, the time of day as a fraction. */
export function daysSinceEpoch(parts: DateTimeParts): number {
  const moment = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  moment.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  moment.setUTCHours(parts.hour, parts.minute, parts.second, parts.millisecond);
  return moment.getTime() / MILLISECONDS_PER_DAY;
}

/** The calendar parts of a day count, or undefined outside the years 0000-9999. */
export function partsFromDays(days: number): DateTimeParts | undefined {
  if (!Number.isFinite(days)) return undefined;
  const moment = new Date(Math.round(days * MILLISECONDS_PER_DAY));
  const year = moment.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) return undefined;
  return {
    year,
    month: moment.getUTCMonth() + 1,
    day: moment.getUTCDate(),
    hour: moment.getUTCHours(),
    minute: moment.getUTCMinutes(),
    second: moment.getUTCSeconds(),
    millisecond: moment.getUTCMilliseconds(),
  };
}

/** The wall-clock parts of a Date in the machine's time zone. */
export function localParts(moment: Date): DateTimeParts {
  return {
    year: moment.getFullYear(),
    month: moment.getMonth() + 1,
    day: moment.getDate(),
    hour: moment.getHours(),
    minute: moment.getMinutes(),
    second: moment.getSeconds(),
    millisecond: moment.getMilliseconds(),
  };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** 'YYYY-MM-DD'. */
export function formatIsoDate(parts: DateTimeParts): string {
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

/** 'YYYY-MM-DDTHH:MM:SS', wall-clock time without a zone. */
export function formatIsoDateTime(parts: DateTimeParts): string {
  return `${formatIsoDate(parts)}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`;
}

/**
 * ODK format-date(): %Y year, %y two-digit year, %m month 01-12, %n month 1-12, %d day 01-31,
 * %e day 1-31, %H hour 00-23, %h hour 0-23, %M minute, %S second, %% a percent sign. Other
 * %-sequences are kept as written.
 */
export function formatDatePattern(parts: DateTimeParts, pattern: string): string {
  const fields: Record<string, string> = {
    Y: pad(parts.year, 4),
    y: pad(parts.year % 100),
    m: pad(parts.month),
    n: String(parts.month),
    d: pad(parts.day),
    e: String(parts.day),
    H: pad(parts.hour),
    h: String(parts.hour),
    M: pad(parts.minute),
    S: pad(parts.second),
    '%': '%',
  };
  return pattern.replace(/%(.)/gsu, (sequence, field: string) => fields[field] ?? sequence);
}
