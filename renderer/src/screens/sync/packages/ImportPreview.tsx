/**
 * A verified package: where it comes from, what applying it would change per survey and device,
 * then Apply (the `package.import` job, with progress and cancel) and what it did.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeCounts, PackagePreview } from '../../../../../shared/sync';
import { useSyncStore } from '../../../stores/sync';
import { formatTime, shortDevice } from './format';

const COUNT_KEYS: (keyof MergeCounts)[] = [
  'new',
  'updated',
  'unchanged',
  'older',
  'conflicts',
  'erased',
];

function Manifest({ preview, fileName }: { preview: PackagePreview; fileName: string | null }) {
  const { t, i18n } = useTranslation();
  const { manifest } = preview;
  return (
    <dl className="facts package-facts" data-testid="package-manifest">
      {fileName && (
        <>
          <dt>{t('syncUi.import.facts.file')}</dt>
          <dd className="path">{fileName}</dd>
        </>
      )}
      <dt>{t('syncUi.import.facts.device')}</dt>
      <dd className="path" data-testid="package-device">
        {manifest.deviceId}
      </dd>
      <dt>{t('syncUi.import.facts.createdAt')}</dt>
      <dd>{formatTime(manifest.createdAt, i18n.language)}</dd>
      <dt>{t('syncUi.import.facts.appVersion')}</dt>
      <dd>
        {manifest.appVersion} · {t('syncUi.import.facts.format')} {manifest.formatVersion}
      </dd>
      <dt>{t('syncUi.import.facts.encryption')}</dt>
      <dd data-testid="package-encryption" data-encryption={manifest.encryption}>
        {t(`syncUi.import.encryption.${manifest.encryption}`, {
          fingerprint: manifest.recipientFingerprint?.split(' ').slice(0, 4).join(' ') ?? '',
        })}
      </dd>
    </dl>
  );
}

function CountCells({ counts, locale }: { counts: MergeCounts; locale: string }) {
  return COUNT_KEYS.map((key) => (
    <td
      key={key}
      className={counts[key] > 0 && key === 'conflicts' ? 'num bad' : 'num'}
      data-count={key}
    >
      {counts[key] > 0 ? counts[key].toLocaleString(locale) : <span className="muted">0</span>}
    </td>
  ));
}

function PreviewTable({ preview }: { preview: PackagePreview }) {
  const { t, i18n } = useTranslation();
  if (preview.groups.length === 0) return <p className="muted">{t('syncUi.import.noResponses')}</p>;
  return (
    <div className="package-scroll">
      <table className="table data-table package-table" data-testid="preview-table">
        <thead>
          <tr>
            <th>{t('syncUi.import.columns.survey')}</th>
            <th>{t('syncUi.import.columns.device')}</th>
            {COUNT_KEYS.map((key) => (
              <th key={key} className="num">
                {t(`syncUi.import.columns.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.groups.map((group) => (
            <tr key={`${group.surveyId}/${group.deviceId}`} data-survey={group.surveyCode}>
              <td>
                <strong>{group.surveyCode}</strong>{' '}
                <span className="muted">{group.surveyTitle}</span>
              </td>
              <td className="mono small" title={group.deviceId}>
                {shortDevice(group.deviceId)}
              </td>
              <CountCells counts={group.counts} locale={i18n.language} />
            </tr>
          ))}
        </tbody>
        {preview.groups.length > 1 && (
          <tfoot>
            <tr className="package-total" data-testid="preview-total">
              <td colSpan={2}>{t('syncUi.import.total')}</td>
              <CountCells counts={preview.totals} locale={i18n.language} />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function ApplyStatus() {
  const { t } = useTranslation();
  const run = useSyncStore((s) => s.importing.run);
  const cancel = useSyncStore((s) => s.cancelImport);
  if (run.status === 'starting' || run.status === 'running') {
    const { done, total } = run.progress;
    return (
      <div className="package-status" data-testid="import-progress" role="status">
        <span>
          {total > 0 ? t('syncUi.import.applying', { done, total }) : t('syncUi.import.starting')}
        </span>
        <progress max={total || 1} value={total ? done : undefined} />
        <button
          type="button"
          className="button secondary"
          data-action="cancel-import"
          disabled={run.status !== 'running'}
          onClick={() => void cancel()}
        >
          {t('syncUi.import.cancel')}
        </button>
      </div>
    );
  }
  if (run.status === 'done' && run.result) {
    const totals = run.result.preview.totals;
    return (
      <div className="package-status done" data-testid="import-done" role="status">
        <strong>{t('syncUi.import.done')}</strong>
        <span data-testid="import-facts">
          {t('syncUi.import.doneFacts', {
            new: totals.new,
            updated: totals.updated,
            unchanged: totals.unchanged,
            conflicts: totals.conflicts,
            erased: totals.erased,
          })}
        </span>
        {run.result.backupPath && (
          <span className="muted small path">
            {t('syncUi.import.backup', { path: run.result.backupPath })}
          </span>
        )}
      </div>
    );
  }
  if (run.status === 'failed' || run.status === 'cancelled') {
    return (
      <div
        className="package-status stopped"
        data-testid="import-stopped"
        data-status={run.status}
        data-code={run.error?.code}
        role="alert"
      >
        {run.status === 'failed'
          ? t('syncUi.import.failed', { message: run.error?.message ?? '' })
          : t('syncUi.import.cancelled')}
      </div>
    );
  }
  return null;
}

export function ImportPreview() {
  const { t } = useTranslation();
  const importing = useSyncStore((s) => s.importing);
  const apply = useSyncStore((s) => s.applyPackage);
  const close = useSyncStore((s) => s.resetImport);
  const { preview } = importing;
  const card = useRef<HTMLElement>(null);
  // The preview opens below the export form: bring it into view when a package was checked.
  useEffect(() => {
    if (preview) card.current?.scrollIntoView({ block: 'start' });
  }, [preview]);
  if (importing.stage !== 'preview' || !preview) return null;
  const status = importing.run.status;
  const applied = status === 'done';
  const busy = status === 'starting' || status === 'running';
  return (
    <section ref={card} className="card package-preview" data-testid="package-preview">
      <div className="package-preview-head">
        <div>
          <h2>{t('syncUi.import.previewTitle')}</h2>
          <Manifest preview={preview} fileName={importing.fileName} />
        </div>
        <div className="package-apply">
          <button
            type="button"
            className="button package-submit"
            data-action="apply-package"
            disabled={busy || applied}
            onClick={() => void apply()}
          >
            {t('syncUi.import.apply')}
          </button>
          <ApplyStatus />
          {(applied || status === 'failed' || status === 'cancelled') && (
            <button
              type="button"
              className="button ghost"
              data-action="close-import"
              onClick={close}
            >
              {t('syncUi.import.close')}
            </button>
          )}
        </div>
      </div>
      {preview.alreadyApplied && !applied && (
        <p className="notice-bar warn" data-testid="already-applied">
          {t('syncUi.import.alreadyApplied')}
        </p>
      )}
      {preview.surveys.length > 0 && (
        <ul className="package-surveys" data-testid="preview-surveys">
          {preview.surveys.map((survey) => (
            <li key={survey.surveyId}>
              <strong>{survey.code}</strong> {survey.title}{' '}
              <span className={survey.isNew ? 'chip published' : 'chip'}>
                {survey.isNew ? t('syncUi.import.surveyNew') : t('syncUi.import.surveyKnown')}
              </span>{' '}
              <span className="muted small">
                {t('syncUi.import.surveyFacts', {
                  versions: survey.newVersions,
                  waves: survey.newWaves,
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('syncUi.import.preview')}</h3>
      <PreviewTable preview={preview} />
      <p className="muted small package-lines">
        <span>{t('syncUi.import.customers', preview.customers)}</span>
        <span>{t('syncUi.import.tombstones', preview.tombstones)}</span>
      </p>
      {preview.totals.conflicts > 0 && (
        <p className="notice-bar warn" data-testid="preview-conflicts">
          {t('syncUi.import.conflictsNote', { count: preview.totals.conflicts })}
        </p>
      )}
    </section>
  );
}
