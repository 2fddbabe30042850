/**
 * Responses held in two versions that no revision links: both versions side by side (the answers
 * that differ first) and the decision, keep this machine's or take the package's.
 */
import { useTranslation } from 'react-i18next';
import type {
  AnswerValueView,
  ConflictView,
  ResponseVersionView,
} from '../../../../../shared/sync';
import { useSyncStore } from '../../../stores/sync';
import { formatTime, shortDevice } from './format';

function show(value: AnswerValueView | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function VersionHead({ version, title }: { version: ResponseVersionView; title: string }) {
  const { t, i18n } = useTranslation();
  return (
    <th className="conflict-version">
      <strong>{title}</strong>
      <span className="muted small">
        {t('syncUi.conflicts.revision', { revision: version.revision })} ·{' '}
        <span title={version.deviceId}>{shortDevice(version.deviceId)}</span>
        {version.interviewer ? ` · ${version.interviewer}` : ''}
      </span>
      <span className="muted small">{formatTime(version.updatedAt, i18n.language)}</span>
    </th>
  );
}

function AnswerRows({ conflict, variables }: { conflict: ConflictView; variables: string[] }) {
  const differing = new Set(conflict.differing);
  return variables.map((variable) => (
    <tr key={variable} className={differing.has(variable) ? 'conflict-differs' : undefined}>
      <td className="mono small">{variable}</td>
      <td>{show(conflict.ours.answers[variable])}</td>
      <td>{show(conflict.theirs.answers[variable])}</td>
    </tr>
  ));
}

function Conflict({ conflict }: { conflict: ConflictView }) {
  const { t } = useTranslation();
  const resolve = useSyncStore((s) => s.resolveConflict);
  const all = [
    ...new Set([...Object.keys(conflict.ours.answers), ...Object.keys(conflict.theirs.answers)]),
  ];
  const same = all.filter((variable) => !conflict.differing.includes(variable));
  const metaDiffers =
    conflict.ours.status !== conflict.theirs.status ||
    conflict.ours.notes !== conflict.theirs.notes;
  return (
    <li className="conflict" data-testid="conflict" data-response={conflict.responseId}>
      <div className="conflict-head">
        <span>
          <strong>{t('syncUi.conflicts.response', { id: conflict.responseId.slice(0, 8) })}</strong>
          {conflict.surveyCode && (
            <span className="muted">
              {' '}
              · {t('syncUi.conflicts.survey', { code: conflict.surveyCode })}
            </span>
          )}
        </span>
      </div>
      <div className="package-scroll">
        <table className="table conflict-table">
          <thead>
            <tr>
              <th>{t('syncUi.conflicts.question')}</th>
              <VersionHead version={conflict.ours} title={t('syncUi.conflicts.ours')} />
              <VersionHead version={conflict.theirs} title={t('syncUi.conflicts.theirs')} />
            </tr>
          </thead>
          <tbody>
            <AnswerRows conflict={conflict} variables={conflict.differing} />
            {metaDiffers && (
              <>
                <tr className="conflict-differs">
                  <td className="small">{t('syncUi.conflicts.status')}</td>
                  <td>{conflict.ours.status}</td>
                  <td>{conflict.theirs.status}</td>
                </tr>
                <tr className="conflict-differs">
                  <td className="small">{t('syncUi.conflicts.notes')}</td>
                  <td>{conflict.ours.notes || '—'}</td>
                  <td>{conflict.theirs.notes || '—'}</td>
                </tr>
              </>
            )}
          </tbody>
        </table>
      </div>
      {same.length > 0 && (
        <details className="conflict-same">
          <summary>{t('syncUi.conflicts.same', { count: same.length })}</summary>
          <table className="table conflict-table">
            <tbody>
              <AnswerRows conflict={conflict} variables={same} />
            </tbody>
          </table>
        </details>
      )}
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          data-action="keep-ours"
          onClick={() => void resolve(conflict.id, 'ours')}
        >
          {t('syncUi.conflicts.keepOurs')}
        </button>
        <button
          type="button"
          className="button secondary"
          data-action="take-theirs"
          onClick={() => void resolve(conflict.id, 'theirs')}
        >
          {t('syncUi.conflicts.takeTheirs')}
        </button>
      </div>
    </li>
  );
}

export function ConflictsCard() {
  const { t } = useTranslation();
  const conflicts = useSyncStore((s) => s.conflicts);
  return (
    <section className="card" data-testid="conflicts">
      <div className="card-head">
        <h2>{t('syncUi.conflicts.title')}</h2>
        {conflicts.length > 0 && (
          <span className="badge bad">
            {t('syncUi.conflicts.count', { count: conflicts.length })}
          </span>
        )}
      </div>
      {conflicts.length === 0 ? (
        <p className="muted" data-testid="no-conflicts">
          {t('syncUi.conflicts.empty')}
        </p>
      ) : (
        <>
          <p className="muted small">{t('syncUi.conflicts.help')}</p>
          <ul className="conflict-list">
            {conflicts.map((conflict) => (
              <Conflict key={conflict.id} conflict={conflict} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
