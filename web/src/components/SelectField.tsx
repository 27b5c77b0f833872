import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';

export type SelectOption = { value: string; label: string };

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  label: ReactNode;
  options: readonly SelectOption[];
  /** Label of a first, empty choice ("All", "—"); none when absent. */
  empty?: string;
  /** Extra class of the wrapping field (e.g. `wide`). */
  fieldClassName?: string;
};

/** A labelled select (single or multiple), the one used by every filter bar and form. */
export function SelectField({ label, options, empty, id, fieldClassName, ...select }: Props) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className={fieldClassName ? `field ${fieldClassName}` : 'field'}>
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} {...select}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Options from plain values shown as they are (years, codes). */
export const plainOptions = (values: readonly (string | number)[]): SelectOption[] =>
  values.map((v) => ({ value: String(v), label: String(v) }));
