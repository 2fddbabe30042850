/** The filters every figure on the screen follows; each change re-runs the analysis. */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isCustomAttribute, type SegmentAttribute } from '../../../../shared/analysis';
import { CHANNELS, type Channel } from '../../../../shared/responses';
import { useAnalysisStore, type AnalysisFilter } from '../../stores/analysis';
import { attributeText, valueText } from './format';

/** Attributes a segment filter can use; wave and channel have filters of their own. */
const SEGMENT_ATTRIBUTES = ['type', 'stage', 'region', 'industry', 'size', 'interviewer'] as const;

function Field({
  label,
  size,
  children,
}: {
  label: string;
  size?: 'wide' | 'medium';
  children: ReactNode;
}) {
  return (
    <label className={size ? `analysis-filter ${size}` : 'analysis-filter'}>
      <span className="analysis-filter-label">{label}</span>
      {children}
    </label>
  );
}

/** Attribute then value; the filter applies once both are chosen. */
function SegmentFilter() {
  const { t } = useTranslation();
  const segment = useAnalysisStore((s) => s.filter.segment);
  const values = useAnalysisStore((s) => s.attributeValues);
  const setFilter = useAnalysisStore((s) => s.setFilter);
  const [draft, setDraft] = useState<SegmentAttribute | ''>(segment?.attribute ?? '');
  // Attributes imported files brought (a store, a branch...), as the analysis found them.
  const custom = (Object.keys(values) as SegmentAttribute[]).filter(isCustomAttribute).sort();
  const attribute = segment?.attribute ?? draft;
  return (
    <>
      <Field label={t('analysis.filters.segment')}>
        <select
          className="input"
          data-filter="segment-attribute"
          value={attribute}
          onChange={(e) => {
            const next = e.target.value as SegmentAttribute | '';
            setDraft(next);
            if (segment) setFilter({ segment: null });
          }}
        >
          <option value="">{t('analysis.filters.everyone')}</option>
          {SEGMENT_ATTRIBUTES.map((a) => (
            <option key={a} value={a}>
              {t(`analysis.attribute.${a}`)}
            </option>
          ))}
          {custom.length > 0 && (
            <optgroup label={t('analysis.filters.imported')}>
              {custom.map((a) => (
                <option key={a} value={a}>
                  {attributeText(t, a)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </Field>
      <Field label={t('analysis.filters.segmentValue')}>
        <select
          className="input"
          data-filter="segment-value"
          disabled={!attribute}
          value={segment?.value ?? ''}
          onChange={(e) =>
            attribute &&
            setFilter({ segment: e.target.value ? { attribute, value: e.target.value } : null })
          }
        >
          <option value="">{t('analysis.filters.all')}</option>
          {attribute &&
            (values[attribute] ?? []).map((v) => (
              <option key={v} value={v}>
                {valueText(t, attribute, v)}
              </option>
            ))}
        </select>
      </Field>
    </>
  );
}

export function AnalysisFilterBar() {
  const { t } = useTranslation();
  const surveys = useAnalysisStore((s) => s.surveys);
  const surveyId = useAnalysisStore((s) => s.surveyId);
  const waves = useAnalysisStore((s) => s.result?.waves ?? null);
  const filter = useAnalysisStore((s) => s.filter);
  const chooseSurvey = useAnalysisStore((s) => s.chooseSurvey);
  const setFilter = useAnalysisStore((s) => s.setFilter);
  const resetFilter = useAnalysisStore((s) => s.resetFilter);
  const narrowed = filter.waveId || filter.segment || filter.channel;

  return (
    <form
      className="analysis-filters"
      aria-label={t('analysis.filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <Field label={t('analysis.filters.survey')} size="wide">
        <select
          className="input"
          data-filter="survey"
          value={surveyId ?? ''}
          onChange={(e) => chooseSurvey(e.target.value)}
        >
          {surveys.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} · {s.title}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('analysis.filters.wave')}>
        <select
          className="input"
          data-filter="wave"
          value={filter.waveId ?? ''}
          onChange={(e) => setFilter({ waveId: e.target.value || null })}
        >
          <option value="">{t('analysis.filters.allWaves')}</option>
          {(waves ?? []).map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </Field>
      <SegmentFilter key={surveyId ?? ''} />
      <Field label={t('analysis.filters.channel')}>
        <select
          className="input"
          data-filter="channel"
          value={filter.channel ?? ''}
          onChange={(e) => setFilter({ channel: (e.target.value || null) as Channel | null })}
        >
          <option value="">{t('analysis.filters.all')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`register.channel.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('analysis.filters.quality')}>
        <select
          className="input"
          data-filter="quality"
          value={filter.quality}
          onChange={(e) => setFilter({ quality: e.target.value as AnalysisFilter['quality'] })}
        >
          <option value="clean">{t('analysis.filters.clean')}</option>
          <option value="all">{t('analysis.filters.allComplete')}</option>
        </select>
      </Field>
      <Field label={t('analysis.filters.conversion')} size="medium">
        <select
          className="input"
          data-filter="conversion"
          value={filter.conversion}
          onChange={(e) =>
            setFilter({ conversion: e.target.value as AnalysisFilter['conversion'] })
          }
        >
          <option value="ratio">{t('analysis.conversion.ratio')}</option>
          <option value="range">{t('analysis.conversion.range')}</option>
        </select>
      </Field>
      <button
        type="button"
        className="button ghost analysis-filter-reset"
        data-action="reset-analysis-filters"
        disabled={!narrowed}
        onClick={resetFilter}
      >
        {t('analysis.filters.reset')}
      </button>
    </form>
  );
}
