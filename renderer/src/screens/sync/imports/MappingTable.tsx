/**
 * The column mapping: each column of the file, its first values, and what it is stored as
 * (a menu per column, the suggestion preselected). A change is checked again at once.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CUSTOMER_IMPORT_TARGETS } from '../../../../../shared/api/customers';
import type { ImportOutcome } from '../../../stores/imports';

interface Row {
  index: number;
  column: string;
  sample: string[];
  target: string;
  /** False when the user changed the suggestion. */
  suggested: boolean;
  options: string[];
}

const FIELD_WORDS = new Set([
  'ignore',
  'attribute',
  'id',
  'customer',
  'customer_name',
  'start',
  'end',
  'duration',
  'duration_min',
  'channel',
  'interviewer',
  'consent',
  'type',
  'stage',
  'region',
  'industry',
  'size',
]);

function rowsOf(outcome: ImportOutcome, map: Record<string, string>): Row[] {
  if (outcome.kind === 'customers') {
    return outcome.result.columns.map((c) => ({
      index: c.index,
      column: c.column,
      sample: c.sample,
      target: c.target,
      suggested: c.target === c.proposed,
      options: [...CUSTOMER_IMPORT_TARGETS],
    }));
  }
  const preview = outcome.result.preview;
  if (!preview) return [];
  const fieldOf = new Map(outcome.result.columns.map((c) => [c.column, c.field]));
  return preview.headers.flatMap((column, index) => {
    if (column === '') return [];
    const target = fieldOf.get(column) ?? 'ignore';
    const sample = preview.rows
      .map((r) => (r.cells[index] ?? '').trim())
      .filter((c) => c !== '')
      .slice(0, 3);
    const options = preview.targets.includes(target)
      ? preview.targets
      : [target, ...preview.targets];
    return [{ index, column, sample, target, suggested: !(column in map), options }];
  });
}

export function targetLabel(t: TFunction, kind: ImportOutcome['kind'], target: string): string {
  if (kind === 'customers')
    return target === 'ignore' ? t('imports.target.ignore') : t(`customers.field.${target}`);
  if (FIELD_WORDS.has(target)) return t(`imports.target.${target}`);
  return t('imports.target.variable', { name: target });
}

export function MappingTable({
  outcome,
  map,
  onChange,
}: {
  outcome: ImportOutcome;
  map: Record<string, string>;
  onChange: (column: string, target: string) => void;
}) {
  const { t } = useTranslation();
  const rows = rowsOf(outcome, map);
  return (
    <div className="import-scroll">
      <table className="table import-mapping" data-testid="import-mapping">
        <thead>
          <tr>
            <th>{t('imports.mapping.column')}</th>
            <th>{t('imports.mapping.sample')}</th>
            <th>{t('imports.mapping.target')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.index}
              data-column={row.column}
              className={row.target === 'ignore' ? 'ignored' : ''}
            >
              <td className="import-header-cell" title={row.column}>
                {row.column}
              </td>
              <td className="import-sample">
                {row.sample.map((cell, i) => (
                  <span key={i} className="chip">
                    {cell}
                  </span>
                ))}
              </td>
              <td>
                <div className="import-target-cell">
                  <select
                    className="input"
                    aria-label={`${t('imports.mapping.target')}: ${row.column}`}
                    data-target-for={row.column}
                    value={row.target}
                    onChange={(e) => onChange(row.column, e.target.value)}
                  >
                    {row.options.map((option) => (
                      <option key={option} value={option}>
                        {targetLabel(t, outcome.kind, option)}
                      </option>
                    ))}
                  </select>
                  {!row.suggested && (
                    <span className="small import-changed">{t('imports.mapping.changed')}</span>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
