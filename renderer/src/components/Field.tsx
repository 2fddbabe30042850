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
  className,
  children,
}: {
  label: string;
  small?: boolean;
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <label className={[small ? 'field small-field' : 'field', className].filter(Boolean).join(' ')}>
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
  disabled,
  className,
}: FieldProps & {
  options: readonly { value: string; label: string }[];
  disabled?: boolean;
  /** Added to the label's classes (layout of one field). */
  className?: string;
}) {
  return (
    <Labelled label={label} small={small} className={className}>
      <select
        className="input"
        data-field={field}
        disabled={disabled}
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

/**
 * A number saved when the field loses focus, and only when it changed: settings and figures
 * edited in place. `enforce` refuses values outside min..max (otherwise they are only hints);
 * `integer` rounds before comparing.
 */
export function NumberSetting({
  label,
  value,
  onCommit,
  field,
  min,
  max,
  enforce = false,
  integer = false,
  className,
}: {
  label: string;
  value: number;
  onCommit: (value: number) => void;
  field?: string;
  min?: number;
  max?: number;
  enforce?: boolean;
  integer?: boolean;
  className?: string;
}) {
  return (
    <Labelled label={label} small className={className}>
      <input
        className="input"
        type="number"
        min={min}
        max={max}
        data-field={field}
        defaultValue={value}
        onBlur={(e) => {
          const raw = Number(e.target.value);
          const v = integer ? Math.round(raw) : raw;
          const inRange = !enforce || ((min ?? -Infinity) <= v && v <= (max ?? Infinity));
          if (Number.isFinite(v) && inRange && v !== value) onCommit(v);
        }}
      />
    </Labelled>
  );
}
