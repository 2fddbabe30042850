/**
 * The card being keyed, heads-down: the whole card as compact rows in printed order (skipped
 * questions greyed), the current one highlighted, and the active field with its codes beside
 * (below on a portrait tablet). Every key goes to the pure machine through the store.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition, SurveyLanguage } from '../../../../../shared/questionnaire/model';
import { useAppStore } from '../../../stores/app';
import { usePaperStore } from '../../../stores/paper';
import { ActiveField, fieldLabel, fieldNumber } from './ActiveField';
import { allEntryFields, entryFields } from './fields';
import { valueText } from './format';
import './entry.css';

/** The keys of the machine in keys.ts, shown beside the card. */
const KEYS: [string[], 'code' | 'next' | 'none' | 'back' | 'consent' | 'leave'][] = [
  [['0', '…', '9'], 'code'],
  [['Enter', 'Tab'], 'next'],
  [['-', '.'], 'none'],
  [['Backspace'], 'back'],
  [['Y'], 'consent'],
  [['Esc'], 'leave'],
];

const MODIFIERS = new Set([
  'Shift',
  'Control',
  'Alt',
  'Meta',
  'CapsLock',
  'NumLock',
  'Dead',
  'Process',
  'Unidentified',
]);

export function EntryForm({
  definition,
  lang,
}: {
  definition: SurveyDefinition;
  lang: SurveyLanguage;
}) {
  const { t } = useTranslation();
  const entry = usePaperStore((s) => s.entry)!;
  const batch = usePaperStore((s) => s.batch)!;
  const pass = usePaperStore((s) => s.pass);
  const session = usePaperStore((s) => s.session);
  const problems = usePaperStore((s) => s.problems);
  const key = usePaperStore((s) => s.key);
  const dismiss = usePaperStore((s) => s.dismissProblem);
  const leave = usePaperStore((s) => s.leave);
  const operator = useAppStore((s) => s.settings?.operatorName ?? null);
  const every = useMemo(() => [...allEntryFields(definition).values()], [definition]);
  const fields = useMemo(() => entryFields(definition, entry.answers), [definition, entry.answers]);
  const shownAt = useMemo(() => new Map(fields.map((f, i) => [f.variable, i])), [fields]);
  const rows = every.filter((f) => f.kind !== 'other' || shownAt.has(f.variable));
  const field = entry.phase === 'answer' ? fields[entry.index] : undefined;

  const input = useRef<HTMLInputElement>(null);
  const active = useRef<HTMLLIElement>(null);
  const lastPhase = useRef<string | null>(null);
  // The typist never reaches for the mouse: the input keeps the focus after every key, and a
  // suggested card number is selected so that typing another one replaces it.
  useLayoutEffect(() => {
    input.current?.focus();
    if (entry.phase === 'card' && lastPhase.current !== 'card') input.current?.select();
    lastPhase.current = entry.phase;
  });
  // A block body: Chromium's scrollIntoView returns a promise, which React would call on cleanup.
  useEffect(() => {
    active.current?.scrollIntoView({ block: 'nearest' });
  }, [entry.index, entry.phase]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || e.ctrlKey || e.metaKey || e.altKey || MODIFIERS.has(e.key))
      return;
    if (key({ type: 'key', key: e.key, at: performance.now() })) e.preventDefault();
  };

  return (
    <div
      className="paper-entry"
      data-testid="paper-entry"
      data-pass={pass}
      onClick={() => input.current?.focus()}
    >
      <header className="paper-entry-head">
        <div className="paper-entry-batch">
          <strong>
            {batch.event} · {batch.batchNo}
          </strong>
          <span className={`chip pass-${pass}`}>{t('paper.entry.pass', { pass })}</span>
          <span className="muted">
            {operator ? t('paper.entry.operator', { name: operator }) : t('paper.entry.noOperator')}
          </span>
        </div>
        <div className="paper-entry-session">
          <span data-testid="paper-session">
            {t('paper.entry.session', { count: session.length })}
          </span>
          {entry.saved && (
            <span className="good" data-testid="paper-saved">
              {t('paper.entry.saved', { card: entry.saved })}
            </span>
          )}
          <button
            type="button"
            className="button secondary small"
            data-action="leave"
            onClick={leave}
          >
            {t('paper.entry.leave')}
          </button>
        </div>
      </header>
      {problems.map((p) => (
        <p key={p.cardNo} className="paper-problem" role="alert" data-testid="paper-problem">
          {t('paper.entry.failed', { card: p.cardNo, message: p.message })}
          <button type="button" className="button ghost small" onClick={() => dismiss(p.cardNo)}>
            {t('paper.entry.dismiss')}
          </button>
        </p>
      ))}
      <div className="paper-entry-body">
        <section className="paper-side">
          <div className="paper-cardline">
            <span className="paper-cardno" data-testid="paper-cardno">
              {t('paper.entry.card')} <strong>{entry.cardNo || '—'}</strong>
            </span>
            <span
              className={`paper-consent ${entry.consent ? 'yes' : 'no'}`}
              data-testid="paper-consent"
              data-consent={entry.consent}
            >
              {entry.consent ? '☑' : '☐'} {t('paper.entry.consent')}{' '}
              {entry.consent ? t('paper.entry.consentYes') : t('paper.entry.consentNo')}
              <kbd>Y</kbd>
            </span>
          </div>
          <ActiveField
            ref={input}
            entry={entry}
            field={field}
            lang={lang}
            onKeyDown={onKeyDown}
            onInput={(value) => key({ type: 'input', value })}
          />
          <ul className="paper-keys" aria-label={t('paper.keys.title')}>
            {KEYS.map(([keys, what]) => (
              <li key={what}>
                <span>
                  {keys.map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </span>
                {t(`paper.keys.${what}`)}
              </li>
            ))}
          </ul>
          {session.length > 0 && (
            <p className="paper-recent muted" data-testid="paper-recent">
              {t('paper.entry.recent', { cards: session.slice(0, 12).join(', ') })}
            </p>
          )}
        </section>
        <ol className="paper-rows" data-testid="paper-rows">
          {rows.map((f) => {
            const index = shownAt.get(f.variable);
            const isActive =
              index !== undefined && entry.phase === 'answer' && index === entry.index;
            const passed = index !== undefined && (entry.phase === 'review' || index < entry.index);
            const shown = entry.answers[f.variable];
            const value = isActive && f.kind === 'multi' ? entry.draft : shown;
            const text = valueText(f, value, lang);
            const state =
              index === undefined ? 'skipped' : isActive ? 'active' : passed ? 'done' : 'todo';
            return (
              <li
                key={f.variable}
                ref={isActive ? active : undefined}
                className={`paper-row ${state}`}
                data-row={f.variable}
                data-state={state}
              >
                <span className="paper-row-no">{fieldNumber(f)}</span>
                <span className="paper-row-label">{fieldLabel(f, lang)}</span>
                <span className="paper-row-value">
                  {index === undefined
                    ? t('paper.entry.skipped')
                    : text ||
                      (passed ? <em className="muted">{t('paper.entry.noAnswer')}</em> : '')}
                </span>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
