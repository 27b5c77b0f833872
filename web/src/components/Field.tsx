import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

type Props = InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; hint?: ReactNode; error?: string };

/** A labelled input whose hint and error are announced with it. */
export function Field({ label, hint, error, id, ...input }: Props) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint || error ? `${inputId}-help` : undefined}
        {...input}
      />
      {(hint || error) && (
        <small id={`${inputId}-help`} className={error ? 'error' : undefined}>
          {error ?? hint}
        </small>
      )}
    </div>
  );
}
