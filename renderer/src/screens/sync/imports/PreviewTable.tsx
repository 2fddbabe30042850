/**
 * The first rows as they will be stored: customers with their values after the mapping (and
 * whether each is new, updated, unchanged or fails); responses as read, by column.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_FIELDS,
  type CustomerField,
  type CustomerFields,
} from '../../../../../shared/customers';
import type { ImportOutcome } from '../../../stores/imports';
import { stageLabel, typeLabel } from '../../customers/register/labels';

function customerCell(t: TFunction, field: CustomerField, values: CustomerFields): string {
  const value = values[field];
  if (Array.isArray(value)) return value.join('、');
  if (field === 'stage') return stageLabel(t, value);
  if (field === 'type') return typeLabel(t, value);
  return value ?? '';
}

export function PreviewTable({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation();
  if (outcome.kind === 'customers') {
    const { columns, preview } = outcome.result;
    const mapped = new Set(columns.map((c) => c.target));
    const fields = CUSTOMER_FIELDS.filter((f) => mapped.has(f));
    if (preview.length === 0) return null;
    return (
      <div className="import-scroll">
        <table className="table import-preview" data-testid="import-preview">
          <thead>
            <tr>
              <th className="num">{t('imports.preview.row')}</th>
              <th>{t('imports.preview.action')}</th>
              {fields.map((f) => (
                <th key={f}>{t(`customers.field.${f}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.map((row) => (
              <tr
                key={row.row}
                data-row={row.row}
                data-action={row.action}
                className={`action-${row.action}`}
              >
                <td className="num">{row.row}</td>
                <td>
                  <span className={`chip import-action ${row.action}`}>
                    {t(`imports.preview.actions.${row.action}`)}
                  </span>
                </td>
                {fields.map((f) => (
                  <td key={f}>{customerCell(t, f, row.values)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  const preview = outcome.result.preview;
  if (!preview || preview.rows.length === 0) return null;
  const fieldOf = new Map(outcome.result.columns.map((c) => [c.column, c.field]));
  const shown = preview.headers
    .map((header, index) => ({ header, index }))
    .filter((c) => c.header !== '' && fieldOf.get(c.header) !== 'ignore');
  return (
    <div className="import-scroll">
      <table className="table import-preview" data-testid="import-preview">
        <thead>
          <tr>
            <th className="num">{t('imports.preview.row')}</th>
            {shown.map((c) => (
              <th key={c.index} title={c.header}>
                <span className="import-th">{c.header}</span>
                <span className="muted small mono">{fieldOf.get(c.header)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.row} data-row={row.row}>
              <td className="num">{row.row}</td>
              {shown.map((c) => (
                <td key={c.index}>{row.cells[c.index] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
