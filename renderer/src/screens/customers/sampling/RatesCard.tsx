/** Response rates per stratum and per channel against their targets: bars, target marks, figures. */
import type { ChartData, ChartOptions } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { RateRow, ResponseRates } from '../../../../../shared/sampling';
import '../../analysis/charts';

const MET = '#2e7d32';
const BELOW = '#e67e22';
const TARGET = '#1d2733';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function RateChart({
  title,
  rows,
  label,
  testId,
}: {
  title: string;
  rows: RateRow[];
  label: (key: string) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  const data: ChartData<'bar' | 'line'> = {
    labels: rows.map((r) => label(r.key)),
    datasets: [
      {
        type: 'bar',
        label: t('sampling.rates.rate'),
        data: rows.map((r) => r.rate * 100),
        backgroundColor: rows.map((r) => (r.rate >= r.target ? MET : BELOW)),
        maxBarThickness: 48,
        order: 2,
      },
      {
        // Drawn as a short thick dash on each bar: the target line of that group.
        type: 'line',
        label: t('sampling.rates.target'),
        data: rows.map((r) => r.target * 100),
        showLine: false,
        pointStyle: 'line',
        pointRadius: 22,
        pointHoverRadius: 22,
        pointBorderWidth: 3,
        borderColor: TARGET,
        backgroundColor: TARGET,
        order: 1,
      },
    ],
  };
  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: {
      y: { min: 0, max: 100, ticks: { callback: (v) => `${String(v)}%` } },
      x: { ticks: { autoSkip: false, maxRotation: 30 } },
    },
    plugins: {
      legend: { position: 'top', labels: { boxWidth: 12 } },
      tooltip: {
        callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${(c.parsed.y ?? 0).toFixed(1)}%` },
      },
    },
  };
  return (
    <section className="sampling-rates-group" data-testid={testId}>
      <h3>{title}</h3>
      <div className="sampling-chart">
        <Chart type="bar" data={data} options={options} aria-label={title} />
      </div>
      <table className="table sampling-rate-table">
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-rate-row={r.key} className={r.rate >= r.target ? '' : 'below'}>
              <td>{label(r.key)}</td>
              <td className="num">
                {r.responded}/{r.sampled}
              </td>
              <td className="num strong" data-cell="rate">
                {percent(r.rate)}
              </td>
              <td className="num muted">
                {t('sampling.rates.target')} {percent(r.target)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function RatesCard({ rates, onRefresh }: { rates: ResponseRates; onRefresh: () => void }) {
  const { t } = useTranslation();
  const o = rates.overall;
  return (
    <div className="card sampling-card" data-testid="response-rates">
      <div className="card-head">
        <h2>{t('sampling.rates.title')}</h2>
        <button
          type="button"
          className="button secondary"
          data-action="refresh"
          onClick={onRefresh}
        >
          <span aria-hidden>↻</span> {t('sampling.rates.refresh')}
        </button>
      </div>
      <p
        className={o.rate >= o.target ? 'sampling-overall good' : 'sampling-overall'}
        data-testid="overall-rate"
      >
        {t('sampling.rates.overall', {
          responded: o.responded,
          sampled: o.sampled,
          rate: percent(o.rate),
          target: percent(o.target),
        })}
      </p>
      <div className="sampling-rates">
        <RateChart
          title={t('sampling.rates.byStratum')}
          rows={rates.byStratum}
          label={(key) => (key === '*' ? t('sampling.design.allCustomers') : key)}
          testId="rates-by-stratum"
        />
        <RateChart
          title={t('sampling.rates.byChannel')}
          rows={rates.byChannel}
          label={(key) => t(`sampling.channel.${key}`)}
          testId="rates-by-channel"
        />
      </div>
      <p className="muted small">{t('sampling.rates.note')}</p>
    </div>
  );
}
