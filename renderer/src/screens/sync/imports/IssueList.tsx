/** The problems (or notes) of an import: row, column, value and why, in the user's language. */
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../../../shared/api/imports';

/** More than this many rows would only bury the first ones; the count says how many are left. */
const SHOWN = 100;

export function IssueList({
  issues,
  kind,
}: {
  issues: ImportIssue[];
  kind: 'problems' | 'warnings';
}) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <div className={`import-issues ${kind}`} data-testid={`import-${kind}`}>
      <table className="table import-issue-table">
        <thead>
          <tr>
            <th className="num">{t('imports.problems.row')}</th>
            <th>{t('imports.problems.column')}</th>
            <th>{t('imports.problems.value')}</th>
            <th>{t('imports.problems.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.slice(0, SHOWN).map((issue, i) => (
            <tr
              key={`${issue.row ?? ''}-${issue.column ?? ''}-${issue.code}-${i}`}
              data-row={issue.row ?? ''}
              data-code={issue.code}
            >
              <td className="num">
                {issue.row ?? <span className="muted">{t('imports.problems.file')}</span>}
              </td>
              <td>{issue.column ?? ''}</td>
              <td className="import-value">{issue.value}</td>
              <td>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {issues.length > SHOWN && (
        <p className="muted small">
          {t('imports.problems.more', { count: issues.length - SHOWN })}
        </p>
      )}
    </div>
  );
}
