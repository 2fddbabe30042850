/**
 * One import from another tool, step by step: what to import (and for responses, into which
 * survey and wave), the file, the column mapping with the preview and the failing rows, then
 * the import and its outcome. Shown in the Sync screen's Imports tab and in the customer
 * register's Import drawer, each with its own store.
 */
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAPPING_KINDS } from '../../../../../shared/api/imports';
import { useAppStore } from '../../../stores/app';
import { problemsOf, type ImportOutcome, type ImportsStore } from '../../../stores/imports';
import { IssueList } from './IssueList';
import { MappingTable } from './MappingTable';
import { PreviewTable } from './PreviewTable';
import { SavedMappings } from './SavedMappings';
import './imports.css';

function KindChooser({ store }: { store: ImportsStore }) {
  const { t } = useTranslation();
  const { kind, setKind } = store();
  return (
    <fieldset className="import-kinds" data-testid="import-kind">
      <legend className="field-label">{t('imports.what')}</legend>
      {MAPPING_KINDS.map((k) => (
        <label key={k} className={kind === k ? 'import-kind selected' : 'import-kind'}>
          <input
            type="radio"
            name="import-kind"
            value={k}
            checked={kind === k}
            onChange={() => setKind(k)}
          />
          <span>
            <strong>{t(`imports.kind.${k}`)}</strong>
            <span className="muted small">{t(`imports.kindHelp.${k}`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function SurveyAndWave({ store }: { store: ImportsStore }) {
  const { t } = useTranslation();
  const { surveys, surveyId, waves, waveName, chooseSurvey, setWaveName } = store();
  const listId = useId();
  if (surveys.length === 0)
    return (
      <p className="import-note" data-testid="import-no-survey">
        {t('imports.noSurvey')}
      </p>
    );
  return (
    <div className="field-row">
      <label className="field">
        <span className="field-label">{t('imports.survey')}</span>
        <select
          className="input"
          data-field="import-survey"
          value={surveyId ?? ''}
          onChange={(e) => void chooseSurvey(e.target.value)}
        >
          {surveys.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('imports.wave')}</span>
        <input
          className="input"
          data-field="import-wave"
          list={listId}
          value={waveName}
          maxLength={100}
          placeholder={t('imports.wavePlaceholder')}
          onChange={(e) => setWaveName(e.target.value)}
        />
        <datalist id={listId}>
          {waves.map((w) => (
            <option key={w.id} value={w.name} />
          ))}
        </datalist>
        <span className="field-help">{t('imports.waveHelp')}</span>
      </label>
    </div>
  );
}

function FilePicker({ store }: { store: ImportsStore }) {
  const { t } = useTranslation();
  const { file, chooseFile, preview, status, kind, surveys } = store();
  const inputId = useId();
  const disabled = kind === 'responses' && surveys.length === 0;
  const encoding =
    preview?.kind === 'customers'
      ? preview.result.encoding
      : (preview?.result.preview?.encoding ?? null);
  const sheet = preview?.kind === 'customers' ? preview.result.sheet : null;
  return (
    <div className="import-file">
      <span className="field-label">{t('imports.file')}</span>
      <div className="import-file-row">
        <label
          htmlFor={inputId}
          className={disabled ? 'button secondary disabled' : 'button secondary'}
        >
          {t('imports.chooseFile')}
        </label>
        <input
          id={inputId}
          type="file"
          className="visually-hidden"
          data-field="import-file"
          accept=".csv,.txt,.tsv,.xlsx"
          disabled={disabled}
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = '';
            if (chosen) void chooseFile(chosen);
          }}
        />
        {file ? (
          <span className="import-file-name" data-testid="import-file-name">
            <strong>{file.name}</strong>{' '}
            <span className="muted small">
              {(file.size / 1024).toFixed(1)} KB
              {encoding ? ` · ${t('imports.readAs', { encoding })}` : ''}
              {sheet ? ` · ${t('imports.sheet', { sheet })}` : ''}
            </span>
          </span>
        ) : (
          <span className="muted small">{t('imports.fileHelp')}</span>
        )}
        {status === 'checking' && (
          <span className="muted small" role="status">
            {t('imports.checking')}
          </span>
        )}
      </div>
    </div>
  );
}

function Summary({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation();
  if (outcome.kind === 'customers') {
    const r = outcome.result;
    return (
      <p className="import-summary" data-testid="import-summary">
        {t('imports.summary.customers', {
          rows: r.rows,
          created: r.created,
          updated: r.updated,
          unchanged: r.unchanged,
        })}
      </p>
    );
  }
  return (
    <p className="import-summary" data-testid="import-summary">
      {t('imports.summary.responses', { count: outcome.result.imported })}
    </p>
  );
}

/** `openLink`: offer to open where the imported data is shown (not when already there). */
function Done({
  store,
  outcome,
  openLink,
  onClose,
}: {
  store: ImportsStore;
  outcome: ImportOutcome;
  openLink: boolean;
  onClose: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const reset = store((s) => s.reset);
  const go = useAppStore((s) => s.go);
  return (
    <section className="card import-done" data-testid="import-done" role="status">
      <h2>{t('imports.done.title')}</h2>
      {outcome.kind === 'customers' ? (
        <>
          <p data-testid="import-done-counts">
            {outcome.result.imported === 0
              ? t('imports.done.nothing')
              : t('imports.done.customers', {
                  created: outcome.result.created,
                  updated: outcome.result.updated,
                })}
          </p>
          {outcome.result.backup && (
            <p className="muted small">
              {t('imports.done.backup', { path: '' })}
              <span className="mono path">{outcome.result.backup}</span>
            </p>
          )}
        </>
      ) : (
        <>
          <p data-testid="import-done-counts">
            {t('imports.done.responses', { count: outcome.result.imported })}
          </p>
          {outcome.result.backup && (
            <p className="muted small">
              {t('imports.done.backup', { path: '' })}
              <span className="mono path">{outcome.result.backup}</span>
            </p>
          )}
        </>
      )}
      {outcome.result.warnings.length > 0 && (
        <details className="import-warnings">
          <summary>{t('imports.warnings', { count: outcome.result.warnings.length })}</summary>
          <IssueList issues={outcome.result.warnings} kind="warnings" />
        </details>
      )}
      <div className="import-done-actions">
        {onClose && (
          <button type="button" className="button" data-action="import-close" onClick={onClose}>
            {t('imports.done.back')}
          </button>
        )}
        {openLink && (
          <button
            type="button"
            className="button"
            data-action="import-open"
            onClick={() => go(outcome.kind === 'customers' ? 'customers' : 'responses')}
          >
            {t(`imports.done.open.${outcome.kind}`)}
          </button>
        )}
        <button
          type="button"
          className="button secondary"
          data-action="import-another"
          onClick={reset}
        >
          {t('imports.done.another')}
        </button>
      </div>
    </section>
  );
}

export function ImportFlow({
  store,
  chooseKind,
  onClose,
}: {
  store: ImportsStore;
  chooseKind: boolean;
  /** Where the flow is shown in a panel: closes it (offered once the import is done). */
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const state = store();
  const problemsId = useId();
  const { kind, preview, done, status, map, setTarget, runImport, load } = state;

  useEffect(() => {
    void load();
  }, [load]);

  if (status === 'done' && done)
    return <Done store={store} outcome={done} openLink={chooseKind} onClose={onClose} />;
  const problems = problemsOf(preview);
  const busy = status === 'checking' || status === 'importing';
  return (
    <div className="import-flow" data-testid="import-flow" data-kind={kind}>
      <section className="card import-source">
        {chooseKind && <KindChooser store={store} />}
        {kind === 'responses' && <SurveyAndWave store={store} />}
        <FilePicker store={store} />
      </section>
      {preview && (
        <>
          <section className="card import-mapping-card">
            <div className="card-head">
              <h2>{t('imports.mapping.title')}</h2>
              {state.mappingName && (
                <span className="chip">
                  {t('imports.saved.applied', { name: state.mappingName })}
                </span>
              )}
            </div>
            <p className="muted small">{t('imports.mapping.help')}</p>
            <MappingTable outcome={preview} map={map} onChange={setTarget} />
            <SavedMappings store={store} />
          </section>
          <section className="card import-check">
            {problems.length > 0 ? (
              <div id={problemsId}>
                <h2 className="bad">{t('imports.problems.title', { count: problems.length })}</h2>
                <p className="muted small">{t('imports.problems.help')}</p>
                <IssueList issues={problems} kind="problems" />
              </div>
            ) : (
              <p className="good" data-testid="import-ready">
                {t('imports.problems.none')}
              </p>
            )}
            <h2>{t('imports.preview.title')}</h2>
            <PreviewTable outcome={preview} />
            {preview.result.warnings.length > 0 && (
              <details className="import-warnings">
                <summary>
                  {t('imports.warnings', { count: preview.result.warnings.length })}
                </summary>
                <IssueList issues={preview.result.warnings} kind="warnings" />
              </details>
            )}
          </section>
          <div className="import-sticky" data-testid="import-bar">
            <div className="import-sticky-text">
              <Summary outcome={preview} />
              {problems.length > 0 && (
                <button
                  type="button"
                  className="button ghost small bad"
                  onClick={() =>
                    document.getElementById(problemsId)?.scrollIntoView({ behavior: 'smooth' })
                  }
                >
                  {t('imports.problems.title', { count: problems.length })}
                </button>
              )}
            </div>
            <button
              type="button"
              className="button"
              data-action="run-import"
              disabled={busy || problems.length > 0}
              onClick={() => void runImport()}
            >
              {status === 'importing' ? t('imports.run.importing') : t(`imports.run.${kind}`)}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
