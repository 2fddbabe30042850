/**
 * Responses held in two versions that no revision links: the version in use and the one set
 * aside side by side (the answers that differ first), and the decision between them.
 */
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition, SurveyLanguage } from '../../../../../shared/questionnaire/model';
import type {
  AnswerValueView,
  ConflictView,
  ResponseVersionView,
} from '../../../../../shared/sync';
import { useAppStore } from '../../../stores/app';
import { useSyncStore } from '../../../stores/sync';
import { answerRows, answerText, questionFor } from '../../responses/format';
import { formatTime, shortDevice } from './format';

/** How a conflict names questions and writes answers: labels when the questionnaire is known. */
interface Wording {
  label: (variable: string) => string | null;
  value: (variable: string, value: AnswerValueView | undefined) => string;
}

function plain(value: AnswerValueView | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function wordingFor(definition: SurveyDefinition | undefined, lang: SurveyLanguage): Wording {
  if (!definition) return { label: () => null, value: (_variable, value) => plain(value) };
  const labels = new Map(answerRows(definition, lang).map((row) => [row.name, row.label]));
  return {
    label: (variable) => labels.get(variable) ?? null,
    value: (variable, value) =>
      answerText(
        questionFor(definition, variable),
        variable,
        value,
        lang,
        definition.defaultLanguage,
      ) || '—',
  };
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

function AnswerRows({
  conflict,
  variables,
  wording,
}: {
  conflict: ConflictView;
  variables: string[];
  wording: Wording;
}) {
  const differing = new Set(conflict.differing);
  return variables.map((variable) => {
    const label = wording.label(variable);
    return (
      <tr
        key={variable}
        className={differing.has(variable) ? 'conflict-differs' : undefined}
        data-variable={variable}
      >
        <td>
          {label && <span className="conflict-label">{label}</span>}
          <span className="mono small muted">{variable}</span>
        </td>
        <td data-side="ours">{wording.value(variable, conflict.ours.answers[variable])}</td>
        <td data-side="theirs">{wording.value(variable, conflict.theirs.answers[variable])}</td>
      </tr>
    );
  });
}

function Conflict({ conflict }: { conflict: ConflictView }) {
  const { t } = useTranslation();
  const resolve = useSyncStore((s) => s.resolveConflict);
  const definition = useSyncStore((s) =>
    conflict.surveyId ? s.conflictSurveys[conflict.surveyId] : undefined,
  );
  const lang: SurveyLanguage = useAppStore((s) => s.locale);
  const wording = wordingFor(definition, lang);
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
            <AnswerRows conflict={conflict} variables={conflict.differing} wording={wording} />
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
              <AnswerRows conflict={conflict} variables={same} wording={wording} />
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
