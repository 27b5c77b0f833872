import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describedBy, FieldFrame, type FieldFrameProps } from './Field';
import { formatAmount, parseShownAmount } from '@common/format/money';

type Props = FieldFrameProps & {
  /** The form field name: the form sends the decimal string ("12500.50") under it, as the API expects. */
  name?: string;
  id?: string;
  /** Controlled value, a decimal string. */
  value?: string;
  /** Initial value of an uncontrolled field, a decimal string. */
  defaultValue?: string;
  /**
   * Called on every edit with the decimal string when the text reads as an amount, '' when emptied, and the raw text
   * otherwise (so a form that is not submitted natively still sends it and gets the server's clear refusal).
   */
  onChange?: (event: { target: { value: string } }) => void;
  required?: boolean;
  disabled?: boolean;
};

/**
 * A money input that accepts what the screens show: "12.500,50" on a Vietnamese screen, "12,500.50" on an English one,
 * a plain "12500.50" on both; it sends the exact decimal string. A text that is not an amount blocks the form with a
 * message in the screen's language.
 */
export function MoneyField({ label, hint, error, name, id, value, defaultValue, onChange, required, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const generated = useId();
  const inputId = id ?? generated;
  const input = useRef<HTMLInputElement>(null);
  const initial = value ?? defaultValue;
  const [text, setText] = useState(() => (initial ? formatAmount(initial, lang) : ''));
  const parsed = text.trim() === '' ? '' : parseShownAmount(text, lang);
  const problem = parsed === null ? t('moneyInput.invalid', { example: formatAmount('12500.50', lang) }) : null;

  // A controlled value changed from outside (a reset, a prefilled figure): show it, unless it is what is typed.
  useEffect(() => {
    if (value !== undefined && value !== parsed && value !== text) setText(value ? formatAmount(value, lang) : '');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only an outside change of `value` may overwrite typing
  }, [value]);

  useEffect(() => {
    input.current?.setCustomValidity(problem ?? '');
  }, [problem]);

  const shownError = error ?? problem ?? undefined;
  return (
    <FieldFrame inputId={inputId} label={label} hint={hint} error={shownError}>
      <input
        ref={input}
        id={inputId}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        required={required}
        disabled={disabled}
        {...describedBy(inputId, { hint, error: shownError })}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const read = next.trim() === '' ? '' : parseShownAmount(next, lang);
          onChange?.({ target: { value: read ?? next } });
        }}
      />
      {name && <input type="hidden" name={name} value={parsed ?? ''} />}
    </FieldFrame>
  );
}
