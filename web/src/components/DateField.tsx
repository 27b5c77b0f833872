import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, FieldFrame, type FieldFrameProps } from './Field';
import { formatDate, parseShownDate } from '@common/format/date';

type Props = FieldFrameProps & {
  /** The form field name: the form sends the ISO date (`YYYY-MM-DD`) under it, as the API expects. */
  name?: string;
  id?: string;
  /** Controlled value, ISO. */
  value?: string;
  /** Initial value of an uncontrolled field, ISO. */
  defaultValue?: string;
  /** Called with the ISO date ('' when emptied) each time the typed or picked text is a real date or empty. */
  onChange?: (event: { target: { value: string } }) => void;
  required?: boolean;
  /** Earliest and latest allowed dates, ISO. */
  min?: string;
  max?: string;
  disabled?: boolean;
};

/**
 * vnaid's own date input: typed or picked, always shown as dd/mm/yyyy whatever the browser's locale (the browser's
 * picker showed mm/dd/yyyy to some officers), sent as ISO. A text that is not a real date, or outside min..max, blocks
 * the form with a message in the screen's language; nothing is sent that the user did not mean.
 */
export function DateField({ label, hint, error, name, id, value, defaultValue, onChange, required, min, max, disabled }: Props) {
  const { t } = useTranslation();
  const generated = useId();
  const inputId = id ?? generated;
  const picker = useRef<HTMLInputElement>(null);
  const textInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => shown(value ?? defaultValue));
  const [problem, setProblem] = useState<string | null>(null);
  const iso = parseShownDate(text) ?? '';

  // A controlled value changed from outside (a reset, a default filled in): show it, unless it is what is typed.
  useEffect(() => {
    if (value !== undefined && value !== (parseShownDate(text) ?? '')) setText(shown(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only an outside change of `value` may overwrite typing
  }, [value]);

  useEffect(() => {
    textInput.current?.setCustomValidity(problem ?? '');
  }, [problem]);

  const accept = (next: string) => {
    setText(next);
    const parsed = parseShownDate(next);
    const issue =
      next.trim() === ''
        ? null
        : parsed === null
          ? t('dateInput.invalid')
          : min && parsed < min
            ? t('dateInput.tooEarly', { date: formatDate(min) })
            : max && parsed > max
              ? t('dateInput.tooLate', { date: formatDate(max) })
              : null;
    setProblem(issue);
    if (next.trim() === '') onChange?.({ target: { value: '' } });
    else if (parsed && !issue) onChange?.({ target: { value: parsed } });
  };

  const shownError = error ?? problem ?? undefined;
  return (
    <FieldFrame inputId={inputId} label={label} hint={hint} error={shownError}>
      <div className="date-field">
        <input
          ref={textInput}
          id={inputId}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('dateInput.placeholder')}
          value={text}
          required={required}
          disabled={disabled}
          {...describedBy(inputId, { hint, error: shownError })}
          onChange={(e) => accept(e.target.value)}
        />
        <button
          type="button"
          className="date-field-pick"
          disabled={disabled}
          aria-label={t('dateInput.pick')}
          title={t('dateInput.pick')}
          onClick={() => picker.current?.showPicker?.()}
        >
          📅
        </button>
        <input
          ref={picker}
          type="date"
          className="date-field-native"
          tabIndex={-1}
          aria-hidden="true"
          value={iso}
          min={min}
          max={max}
          onChange={(e) => accept(shown(e.target.value))}
        />
      </div>
      {name && <input type="hidden" name={name} value={problem ? '' : iso} />}
    </FieldFrame>
  );
}

const shown = (iso: string | undefined): string => (iso ? formatDate(iso) : '');
