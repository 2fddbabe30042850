/** Grouped bars: the index and each dimension per group; a click opens the group's responses. */
import type { ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult, SegmentResult } from '../../../../shared/analysis';
import { seriesColour } from './charts';
import { useLabel, valueText } from './format';

export function SegmentChart({
  result,
  segment,
  onGroup,
}: {
  result: AnalysisResult;
  segment: SegmentResult;
  onGroup: (index: number) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const labels = segment.groups.map(
    (g) => `${valueText(t, segment.attribute, g.value)} (n=${g.n})`,
  );
  const datasets = [
    {
      label: t('analysis.index'),
      data: segment.groups.map((g) => g.score100),
      backgroundColor: seriesColour(0),
    },
    ...result.dimensions.map((d, k) => ({
      label: label(d.name),
      data: segment.groups.map((g) => g.dimensions[d.id] ?? null),
      backgroundColor: seriesColour(k + 1),
    })),
  ];
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: {
      y: { min: 0, max: 100, title: { display: true, text: t('analysis.segments.axis') } },
      x: { ticks: { autoSkip: false, maxRotation: 45 } },
    },
    plugins: {
      legend: { position: 'top', labels: { boxWidth: 12 } },
      tooltip: {
        callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${(c.parsed.y ?? 0).toFixed(1)}` },
      },
    },
    onClick: (_event, elements) => {
      const hit = elements[0];
      if (hit) onGroup(hit.index);
    },
    onHover: (event, elements) => {
      const target = event.native?.target as HTMLElement | undefined;
      if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
    },
  };
  return (
    <div className="chart-box segment-chart" data-testid="segment-chart">
      <Bar
        data={{ labels, datasets }}
        options={options}
        aria-label={t('analysis.segments.chartLabel')}
      />
    </div>
  );
}
