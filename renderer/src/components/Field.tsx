/**
 * The labelled form fields most forms are made of: a label above an input, a text area or a
 * select. `field` becomes the control's data-field (what tests and styles find it by).
 */
import type { ReactNode } from 'react';

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  field?: string;
  /** A narrow column for numbers and short choices. */
  small?: boolean;
}

function Labelled({
  label,
  small,
  children,
}: {
  label: string;
  small?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={small ? 'field small-field' : 'field'}>
      <span className="field-label">{label}</span>
      {children}
    </label>
  );
}

export function TextField({
  label,
  value,
  onChange,
  field,
  small,
  type = 'text',
  step,
  rows,
}: FieldProps & { type?: 'text' | 'number' | 'date'; step?: string; rows?: number }) {
  return (
    <Labelled label={label} small={small}>
      {rows ? (
        <textarea
          className="input"
          rows={rows}
          data-field={field}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          className="input"
          type={type}
          step={step}
          data-field={field}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Labelled>
  );
}

export function SelectField({
  label,
  value,
  onChange,
  field,
  small,
  options,
}: FieldProps & { options: readonly { value: string; label: string }[] }) {
  return (
    <Labelled label={label} small={small}>
      <select
        className="input"
        data-field={field}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}
