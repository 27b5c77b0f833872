import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** What every labelled field shows around its input: the label, and a hint or an error announced with it. */
export type FieldFrameProps = { label: ReactNode; hint?: ReactNode; error?: string };

/**
 * The frame of a field: its label for `inputId`, the control(s) inside, and the hint or error under them with the id
 * `<inputId>-help` the control points to with `aria-describedby` (see {@link describedBy}).
 */
export function FieldFrame({ inputId, label, hint, error, children }: FieldFrameProps & { inputId: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {children}
      {(hint || error) && (
        <small id={`${inputId}-help`} className={error ? 'error' : undefined}>
          {error ?? hint}
        </small>
      )}
    </div>
  );
}

/** The accessibility attributes of a framed control: invalid when there is an error, described by the hint or error. */
export const describedBy = (inputId: string, { hint, error }: Pick<FieldFrameProps, 'hint' | 'error'>) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': hint || error ? `${inputId}-help` : undefined,
});

type Props = InputHTMLAttributes<HTMLInputElement> & FieldFrameProps;

/** A labelled input whose hint and error are announced with it. */
export function Field({ label, hint, error, id, ...input }: Props) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame inputId={inputId} label={label} hint={hint} error={error}>
      <input id={inputId} {...describedBy(inputId, { hint, error })} {...input} />
    </FieldFrame>
  );
}
