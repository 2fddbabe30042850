/**
 * The Reports screen (报告与导出): one `report.export` job per click on Generate, writing a Word or
 * Excel report or a CSV / SPSS data file of a published survey to a path the user chooses.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_SECTIONS } from '../../../../shared/analysis';
import type { TFunction } from 'i18next';
import type { Wave } from '../../../../shared/responses';
import { SelectField } from '../../components/Field';
import { useAppStore } from '../../stores/app';
import {
  isDataFormat,
  REPORT_FORMATS,
  useReportsStore,
  type ReportLang,
} from '../../stores/reports';
import { ExportStatus } from './ExportStatus';
import { ReportPreviewPanel } from './ReportPreview';
import './reports.css';

const LANGS: ReportLang[] = ['zh-CN', 'en'];

function NoPublishedSurvey() {
  const { t } = useTranslation();
  const go = useAppStore((s) => s.go);
  return (
    <div className="card notice" data-testid="reports-empty">
      <h2>{t('reports.noSurveyTitle')}</h2>
      <p>{t('reports.noSurvey')}</p>
      <button type="button" className="button" onClick={() => go('surveys')}>
        {t('reports.toSurveys')}
      </button>
    </div>
  );
}

/** A wave as a select option: its name and how many responses it has. */
function waveOption(t: TFunction, w: Wave) {
  return { value: w.id, label: t('reports.waveOption', { name: w.name, n: w.responseCount }) };
}

function DataOptions() {
  const { t } = useTranslation();
  const options = useReportsStore((s) => s.options);
  const setOptions = useReportsStore((s) => s.setOptions);
  return (
    <fieldset className="reports-group" data-testid="data-options">
      <legend>{t('reports.dataOptions')}</legend>
      <div className="reports-row">
        <SelectField
          label={t('reports.labels')}
          field="labels"
          value={options.labels}
          onChange={(v) => setOptions({ labels: v as 'labels' | 'codes' })}
          options={[
            { value: 'labels', label: t('reports.labelsLabels') },
            { value: 'codes', label: t('reports.labelsCodes') },
          ]}
        />
        {options.format === 'csv' && (
          <SelectField
            label={t('reports.encoding')}
            field="encoding"
            value={options.encoding}
            onChange={(v) => setOptions({ encoding: v as 'utf8' | 'gbk' })}
            options={[
              { value: 'utf8', label: t('reports.encodingUtf8') },
              { value: 'gbk', label: t('reports.encodingGbk') },
            ]}
          />
        )}
      </div>
      {options.format === 'csv' && (
        <p className="muted reports-note">{t('reports.encodingHelp')}</p>
      )}
      <label className="reports-check">
        <input
          type="checkbox"
          data-field="include-personal"
          checked={options.includePersonal}
          onChange={(e) => setOptions({ includePersonal: e.target.checked })}
        />
        <span>{t('reports.includePersonal')}</span>
      </label>
      {options.includePersonal ? (
        <p className="reports-warning" role="alert" data-testid="personal-warning">
          {t('reports.personalWarning')}
        </p>
      ) : (
        <p className="muted reports-note">{t('reports.personalLeftOut')}</p>
      )}
    </fieldset>
  );
}

/**
 * The wave the report's figures are compared with. Without one, the Word report of all waves
 * still compares with the wave before (from the trend); the Excel report does not compare.
 */
function CompareWave({ trend }: { trend: boolean }) {
  const { t } = useTranslation();
  const compareWaveId = useReportsStore((s) => s.options.compareWaveId);
  const waves = useReportsStore((s) => s.waves);
  const waveId = useReportsStore((s) => s.waveId);
  const setOptions = useReportsStore((s) => s.setOptions);
  return (
    <SelectField
      className="reports-compare"
      label={t('reports.compareWith')}
      field="compare"
      value={compareWaveId ?? ''}
      onChange={(v) => setOptions({ compareWaveId: v || null })}
      options={[
        {
          value: '',
          label: trend && !waveId ? t('reports.compareTrend') : t('reports.compareNone'),
        },
        ...waves.filter((w) => w.id !== waveId).map((w) => waveOption(t, w)),
      ]}
    />
  );
}

/** The Excel report's comparison wave: its figures beside this wave's, with the change. */
function ExcelOptions({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="reports-group" data-testid="excel-options" disabled={busy}>
      <legend>{t('reports.excelOptions')}</legend>
      <CompareWave trend={false} />
      <p className="muted reports-note">{t('reports.compareHelpExcel')}</p>
    </fieldset>
  );
}

/** The Word report's sections and the wave its figures are compared with. */
function WordOptions({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  const options = useReportsStore((s) => s.options);
  const toggleSection = useReportsStore((s) => s.toggleSection);
  const chosen = new Set(options.sections);
  return (
    <fieldset className="reports-group" data-testid="word-options" disabled={busy}>
      <legend>{t('reports.wordOptions')}</legend>
      <CompareWave trend />
      <p className="muted reports-note">{t('reports.compareHelp')}</p>
      <div className="reports-sections" role="group" aria-label={t('reports.sectionsLabel')}>
        {REPORT_SECTIONS.map((id) => (
          <label key={id} className="reports-check reports-section">
            <input
              type="checkbox"
              data-section={id}
              checked={chosen.has(id)}
              disabled={chosen.has(id) && chosen.size === 1}
              onChange={(e) => toggleSection(id, e.target.checked)}
            />
            <span>{t(`reports.sections.${id}`, { defaultValue: id })}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ReportsScreen() {
  const { t } = useTranslation();
  const state = useReportsStore();
  const { surveys, surveysLoaded, surveyId, waves, waveId, options, run } = state;
  const load = state.load;

  useEffect(() => {
    void load();
  }, [load]);

  const busy = run.status === 'choosing' || run.status === 'starting' || run.status === 'running';

  return (
    <section className="screen reports" data-testid="reports">
      <div className="screen-head">
        <div>
          <h1>{t('nav.reports')}</h1>
          <p className="muted reports-subtitle">{t('reports.subtitle')}</p>
        </div>
      </div>
      {surveysLoaded && surveys.length === 0 ? (
        <NoPublishedSurvey />
      ) : (
        <div className="reports-body">
          <form
            id="reports-form"
            className="card reports-form"
            onSubmit={(e) => {
              e.preventDefault();
              void state.generate();
            }}
          >
            <h2>{t('reports.what')}</h2>
            <div className="reports-row reports-top">
              <SelectField
                label={t('reports.survey')}
                field="survey"
                value={surveyId ?? ''}
                disabled={busy}
                onChange={(v) => void state.chooseSurvey(v)}
                options={surveys.map((s) => ({ value: s.id, label: s.title }))}
              />
              <SelectField
                label={t('reports.wave')}
                field="wave"
                value={waveId ?? ''}
                disabled={busy}
                onChange={(v) => state.chooseWave(v || null)}
                options={[
                  { value: '', label: t('reports.allWaves') },
                  ...waves.map((w) => waveOption(t, w)),
                ]}
              />
              <SelectField
                label={t('reports.language')}
                field="lang"
                value={options.lang}
                disabled={busy}
                onChange={(v) => state.setOptions({ lang: v as ReportLang })}
                options={LANGS.map((lang) => ({
                  value: lang,
                  label: t(`reports.languages.${lang}`),
                }))}
              />
            </div>

            <fieldset className="reports-group" disabled={busy}>
              <legend>{t('reports.format')}</legend>
              <div className="reports-formats">
                {REPORT_FORMATS.map((format) => (
                  <label
                    key={format}
                    className={
                      options.format === format ? 'reports-format selected' : 'reports-format'
                    }
                  >
                    <input
                      type="radio"
                      name="report-format"
                      value={format}
                      data-format={format}
                      checked={options.format === format}
                      onChange={() => state.setOptions({ format })}
                    />
                    <span>
                      <strong>{t(`reports.formats.${format}`)}</strong>
                      <small className="muted">{t(`reports.formatHelp.${format}`)}</small>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>

            {isDataFormat(options.format) && <DataOptions />}
            {options.format === 'docx' && <WordOptions busy={busy} />}
            {options.format === 'xlsx' && <ExcelOptions busy={busy} />}
          </form>
          {options.format === 'docx' && surveyId && <ReportPreviewPanel />}
          <div className="reports-side">
            <button
              type="submit"
              form="reports-form"
              className="button reports-generate"
              data-action="generate-report"
              disabled={busy || !surveyId}
            >
              {t('reports.generate')}
            </button>
            <ExportStatus />
          </div>
        </div>
      )}
    </section>
  );
}
