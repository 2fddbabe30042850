/**
 * Cross-tabs: one choice question split by a respondent attribute, counts and row percentages,
 * with the chi-square test of whether the answers depend on the group.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANALYSIS_ATTRIBUTES,
  type AnalysisAttribute,
  type CrossTabResult,
} from '../../../../shared/analysis';
import { useAnalysisStore } from '../../stores/analysis';
import { percent, pText, significant, two, useLabel, valueText } from './format';

function ChiSquare({ table }: { table: CrossTabResult }) {
  const { t } = useTranslation();
  if (table.multiple) return <p className="muted small">{t('analysis.crosstabs.multiple')}</p>;
  const chi = table.chiSquare;
  if (!chi) return <p className="muted small">{t('analysis.crosstabs.noTest')}</p>;
  const yes = significant(chi.p);
  return (
    <>
      <p
        className={yes ? 'verdict significant' : 'verdict'}
        data-testid="chi-verdict"
        data-significant={yes}
      >
        {t(yes ? 'analysis.crosstabs.depends' : 'analysis.crosstabs.independent', {
          by: t(`analysis.attribute.${table.by}`).toLowerCase(),
        })}
      </p>
      <p className="muted small" data-testid="chi-square">
        {t('analysis.crosstabs.chi', {
          chi2: chi.chi2.toFixed(2),
          df: chi.df,
          p: pText(chi.p),
          v: two(chi.cramersV),
        })}
        {chi.lowExpected && ` ${t('analysis.crosstabs.lowExpected')}`}
      </p>
    </>
  );
}

export function CrossTabsTab() {
  const { t } = useTranslation();
  const label = useLabel();
  const result = useAnalysisStore((s) => s.result);
  const crossBy = useAnalysisStore((s) => s.filter.crossBy);
  const setFilter = useAnalysisStore((s) => s.setFilter);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!result) return null;
  const tables = result.crosstabs;
  const table = tables.find((x) => x.question === chosen) ?? tables[0];
  return (
    <section className="card" data-testid="crosstabs-tab">
      <div className="card-head wrap">
        <h2>{t('analysis.crosstabs.title')}</h2>
        <div className="crosstab-controls">
          {tables.length > 0 && (
            <label className="analysis-filter wide">
              <span className="analysis-filter-label">{t('analysis.crosstabs.question')}</span>
              <select
                className="input"
                data-filter="crosstab-question"
                value={table?.question ?? ''}
                onChange={(e) => setChosen(e.target.value)}
              >
                {tables.map((x) => (
                  <option key={x.question} value={x.question}>
                    {label(x.label)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="analysis-filter">
            <span className="analysis-filter-label">{t('analysis.crosstabs.by')}</span>
            <select
              className="input"
              data-filter="cross-by"
              value={crossBy}
              onChange={(e) => setFilter({ crossBy: e.target.value as AnalysisAttribute })}
            >
              {ANALYSIS_ATTRIBUTES.map((a) => (
                <option key={a} value={a}>
                  {t(`analysis.attribute.${a}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {!table ? (
        <p className="notice" data-testid="crosstab-empty">
          {t('analysis.crosstabs.none')}
        </p>
      ) : (
        <>
          <ChiSquare table={table} />
          <div className="table-scroll">
            <table
              className="data-table crosstab"
              data-testid="crosstab"
              data-question={table.question}
            >
              <thead>
                <tr>
                  <th>{t(`analysis.attribute.${table.by}`)}</th>
                  <th className="num">n</th>
                  {table.options.map((o) => (
                    <th key={o.value} className="num">
                      {label(o.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.groups.map((g) => (
                  <tr key={g.value} data-group={g.value}>
                    <td>{valueText(t, table.by, g.value)}</td>
                    <td className="num">{Math.round(g.n)}</td>
                    {g.counts.map((count, k) => (
                      <td key={table.options[k]?.value ?? k} className="num">
                        {Math.round(count)}
                        <span className="row-share">{g.n > 0 ? percent(count / g.n, 0) : '–'}</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small">{t('analysis.crosstabs.help')}</p>
        </>
      )}
    </section>
  );
}
