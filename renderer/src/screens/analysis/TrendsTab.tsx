/**
 * Trends: the index and each dimension wave by wave (every wave, whatever the wave filter), with
 * the changes a test says are real marked on the line and listed below it.
 */
import type { ChartOptions } from 'chart.js';
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { useAnalysisStore } from '../../stores/analysis';
import { seriesColour } from './charts';
import { measureLabel, one, pText, useLabel } from './format';

export function TrendsTab() {
  const { t } = useTranslation();
  const label = useLabel();
  const result = useAnalysisStore((s) => s.result);
  if (!result) return null;
  const { waves, changes } = result.trends;
  if (waves.length < 2) {
    return (
      <section className="card" data-testid="trends-tab">
        <h2>{t('analysis.trends.title')}</h2>
        <p className="notice" data-testid="trends-unavailable">
          {t('analysis.trends.oneWave', { n: waves.length })}
        </p>
      </section>
    );
  }
  const measures = ['index', ...result.dimensions.map((d) => d.id)];
  const valueOf = (measure: string, k: number) =>
    measure === 'index' ? waves[k]!.index : (waves[k]!.dimensions[measure] ?? null);
  const marked = (measure: string, k: number) =>
    k > 0 &&
    changes.some(
      (c) =>
        c.measure === measure &&
        c.to === waves[k]!.id &&
        c.from === waves[k - 1]!.id &&
        c.significant,
    );
  const datasets = measures.map((m, j) => ({
    label: measureLabel(t, label, result, m),
    data: waves.map((_, k) => valueOf(m, k)),
    borderColor: seriesColour(j),
    backgroundColor: seriesColour(j),
    borderWidth: m === 'index' ? 3 : 2,
    pointStyle: waves.map((_, k) => (marked(m, k) ? 'rectRot' : 'circle')),
    pointRadius: waves.map((_, k) => (marked(m, k) ? 8 : 3)),
  }));
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { y: { title: { display: true, text: t('analysis.segments.axis') } } },
    plugins: { legend: { position: 'right', labels: { boxWidth: 12 } } },
  };
  const shownChanges = changes.filter((c) => c.p !== null);
  const waveName = (id: string) => waves.find((w) => w.id === id)?.name ?? id;

  return (
    <section className="card" data-testid="trends-tab">
      <h2>{t('analysis.trends.title')}</h2>
      <p className="muted small">{t('analysis.trends.explain')}</p>
      <div className="chart-box trend-chart" data-testid="trend-chart">
        <Line
          data={{ labels: waves.map((w) => `${w.name} (n=${w.n})`), datasets }}
          options={options}
          aria-label={t('analysis.trends.chartLabel')}
        />
      </div>
      <table className="data-table trend-changes" data-testid="trend-changes">
        <thead>
          <tr>
            <th>{t('analysis.segments.measure')}</th>
            <th>{t('analysis.trends.between')}</th>
            <th className="num">{t('analysis.trends.change')}</th>
            <th className="num">{t('analysis.segments.p')}</th>
            <th>{t('analysis.trends.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {shownChanges.map((c) => (
            <tr
              key={`${c.from}-${c.to}-${c.measure}`}
              data-measure={c.measure}
              data-significant={c.significant}
            >
              <td>{measureLabel(t, label, result, c.measure)}</td>
              <td>
                {waveName(c.from)} → {waveName(c.to)}
              </td>
              <td className={c.difference >= 0 ? 'num good' : 'num bad'}>
                {c.difference >= 0 ? '+' : '−'}
                {one(Math.abs(c.difference))}
              </td>
              <td className="num">{pText(c.p)}</td>
              <td className={c.significant ? 'sig' : 'muted'}>
                {c.significant
                  ? t(c.difference >= 0 ? 'analysis.trends.up' : 'analysis.trends.down')
                  : t('analysis.trends.noChange')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {waves.some((w) => w.nps !== null) && (
        <p className="muted small" data-testid="trend-nps">
          {t('analysis.trends.nps')} {waves.map((w) => `${w.name}: ${one(w.nps)}`).join(' · ')}
        </p>
      )}
    </section>
  );
}
