/**
 * The Reports screen (报告与导出): one `report.export` job per click on Generate, writing a Word or
 * Excel report or a CSV / SPSS data file of a published survey to a path the user chooses.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_SECTIONS } from '../../../../shared/analysis';
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

function DataOptions() {
  const { t } = useTranslation();
  const options = useReportsStore((s) => s.options);
  const setOptions = useReportsStore((s) => s.setOptions);
  return (
    <fieldset className="reports-group" data-testid="data-options">
      <legend>{t('reports.dataOptions')}</legend>
      <div className="reports-row">
        <label className="field">
          <span className="field-label">{t('reports.labels')}</span>
          <select
            className="input"
            data-field="labels"
            value={options.labels}
            onChange={(e) => setOptions({ labels: e.target.value as 'labels' | 'codes' })}
          >
            <option value="labels">{t('reports.labelsLabels')}</option>
            <option value="codes">{t('reports.labelsCodes')}</option>
          </select>
        </label>
        {options.format === 'csv' && (
          <label className="field">
            <span className="field-label">{t('reports.encoding')}</span>
            <select
              className="input"
              data-field="encoding"
              value={options.encoding}
              onChange={(e) => setOptions({ encoding: e.target.value as 'utf8' | 'gbk' })}
            >
              <option value="utf8">{t('reports.encodingUtf8')}</option>
              <option value="gbk">{t('reports.encodingGbk')}</option>
            </select>
          </label>
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
    <label className="field reports-compare">
      <span className="field-label">{t('reports.compareWith')}</span>
      <select
        className="input"
        data-field="compare"
        value={compareWaveId ?? ''}
        onChange={(e) => setOptions({ compareWaveId: e.target.value || null })}
      >
        <option value="">
          {trend && !waveId ? t('reports.compareTrend') : t('reports.compareNone')}
        </option>
        {waves
          .filter((w) => w.id !== waveId)
          .map((w) => (
            <option key={w.id} value={w.id}>
              {t('reports.waveOption', { name: w.name, n: w.responseCount })}
            </option>
          ))}
      </select>
    </label>
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
              <label className="field">
                <span className="field-label">{t('reports.survey')}</span>
                <select
                  className="input"
                  data-field="survey"
                  value={surveyId ?? ''}
                  disabled={busy}
                  onChange={(e) => void state.chooseSurvey(e.target.value)}
                >
                  {surveys.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t('reports.wave')}</span>
                <select
                  className="input"
                  data-field="wave"
                  value={waveId ?? ''}
                  disabled={busy}
                  onChange={(e) => state.chooseWave(e.target.value || null)}
                >
                  <option value="">{t('reports.allWaves')}</option>
                  {waves.map((w) => (
                    <option key={w.id} value={w.id}>
                      {t('reports.waveOption', { name: w.name, n: w.responseCount })}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t('reports.language')}</span>
                <select
                  className="input"
                  data-field="lang"
                  value={options.lang}
                  disabled={busy}
                  onChange={(e) => state.setOptions({ lang: e.target.value as ReportLang })}
                >
                  {LANGS.map((lang) => (
                    <option key={lang} value={lang}>
                      {t(`reports.languages.${lang}`)}
                    </option>
                  ))}
                </select>
              </label>
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
