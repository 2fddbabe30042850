/**
 * Open answers: themes (响应慢, 流程繁琐...) with how often they come up and how dissatisfied those
 * customers are, example quotes a click away, and the most frequent words and phrases.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextResult } from '../../../../shared/analysis';
import { useAnalysisStore } from '../../stores/analysis';
import { useAppStore } from '../../stores/app';
import { percent, useLabel } from './format';

function Themes({ text }: { text: TextResult }) {
  const { t } = useTranslation();
  const lang = useAppStore((s) => s.locale);
  const openDrill = useAnalysisStore((s) => s.openDrill);
  const themes = text.themes.filter((th) => th.count > 0);
  const max = Math.max(1, ...themes.map((th) => th.count));
  if (themes.length === 0) return <p className="muted">{t('analysis.text.noThemes')}</p>;
  return (
    <ul className="theme-bars" data-testid="theme-bars">
      {themes.map((th) => (
        <li key={th.id}>
          <button
            type="button"
            className="theme-row"
            data-theme={th.id}
            onClick={() =>
              openDrill({
                kind: 'theme',
                question: text.question,
                label: th.label[lang],
                count: th.count,
                dissatisfiedShare: th.dissatisfiedShare,
                quotes: th.quotes,
                responseIds: th.responseIds,
              })
            }
          >
            <span className="theme-name">{th.label[lang]}</span>
            <span className="bar-track">
              <span
                className={th.id === 'praise' ? 'bar-fill praise' : 'bar-fill'}
                style={{ width: `${(th.count / max) * 100}%` }}
              />
            </span>
            <span className="theme-count num">
              {th.count} <span className="muted">({percent(th.share, 0)})</span>
            </span>
            <span className="theme-unhappy num" title={t('analysis.text.dissatisfiedHelp')}>
              {th.dissatisfiedShare === null
                ? '–'
                : t('analysis.text.dissatisfied', { share: percent(th.dissatisfiedShare, 0) })}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function Terms({
  title,
  terms,
  testId,
}: {
  title: string;
  terms: TextResult['words'];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="terms" data-testid={testId}>
      <h3>{title}</h3>
      {terms.length === 0 ? (
        <p className="muted small">{t('analysis.text.noTerms')}</p>
      ) : (
        <ol className="term-list">
          {terms.slice(0, 20).map((w) => (
            <li key={w.term}>
              <span className="term">{w.term}</span>
              <span className="muted num">{w.count}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function TextTab() {
  const { t } = useTranslation();
  const label = useLabel();
  const texts = useAnalysisStore((s) => s.result?.texts ?? null);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!texts) return null;
  if (texts.length === 0) return <p className="card notice">{t('analysis.text.noQuestions')}</p>;
  // The question with answers comes first unless the user picked another.
  const text =
    texts.find((x) => x.question === chosen) ??
    [...texts].sort((a, b) => b.answered - a.answered)[0]!;
  return (
    <section className="card" data-testid="text-tab" data-question={text.question}>
      <div className="card-head wrap">
        <h2>{t('analysis.text.title')}</h2>
        {texts.length > 1 && (
          <select
            className="input text-question"
            data-filter="text-question"
            aria-label={t('analysis.text.question')}
            value={text.question}
            onChange={(e) => setChosen(e.target.value)}
          >
            {texts.map((x) => (
              <option key={x.question} value={x.question}>
                {label(x.label)} ({x.answered})
              </option>
            ))}
          </select>
        )}
      </div>
      <p className="muted small">
        {label(text.label)} · {t('analysis.text.answered', { n: text.answered })}
        {text.wordsFrom < text.answered &&
          ` · ${t('analysis.text.sampled', { n: text.wordsFrom })}`}
      </p>
      {text.answered === 0 ? (
        <p className="notice" data-testid="text-empty">
          {t('analysis.text.noAnswers')}
        </p>
      ) : (
        <div className="text-layout">
          <div>
            <h3>{t('analysis.text.themes')}</h3>
            <Themes text={text} />
            <p className="muted small">{t('analysis.text.themesHelp')}</p>
          </div>
          <Terms title={t('analysis.text.words')} terms={text.words} testId="top-words" />
          <Terms title={t('analysis.text.phrases')} terms={text.phrases} testId="top-phrases" />
        </div>
      )}
    </section>
  );
}
