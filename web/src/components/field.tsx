/** @module web/components/field — a labelled form control in its `.field` box; a select of choices is the common case. */
import type { ReactNode } from "react";

/** The `.field` box: the label for `id`, then the control (which carries that id) and whatever goes with it. */
export function Field({
  id,
  label,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  /** Added to `field`: `inline`, `weight`… */
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

export interface Choice {
  readonly value: string | number;
  readonly label: ReactNode;
}

/** A labelled select; `blank`, when given, is the text of a first option whose value is "". */
export function SelectField({
  id,
  label,
  className,
  value,
  onChange,
  choices,
  blank,
}: {
  id: string;
  label: ReactNode;
  className?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
  blank?: ReactNode;
}) {
  return (
    <Field id={id} label={label} className={className}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {blank !== undefined && <option value="">{blank}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
