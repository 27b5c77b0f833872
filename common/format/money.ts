/**
 * Money as people read and type it. Amounts travel as decimal strings (exact, never floats); here they are only
 * regrouped for display and read back from what was typed. Vietnamese screens group with "." and mark decimals
 * with "," (12.500,50); English screens the other way round (12,500.50).
 * @module
 */

type Lang = string;

const separators = (lang: Lang) => (lang === 'en' ? { group: ',', decimal: '.' } : { group: '.', decimal: ',' });

/** An exact decimal string with the screen's grouping and decimal mark ("12500.5" → "12.500,5"); '—' when absent. */
export function formatAmount(value: string | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  const negative = value.startsWith('-');
  const [intPart = '0', frac] = value.replace(/^-/, '').split('.');
  const { group, decimal } = separators(lang);
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '-' : ''}${grouped}${frac ? decimal + frac : ''}`;
}

/**
 * A headline figure in words of its size: "226,4 triệu USD" / "USD 226.4 million" (one decimal, rounded half up on
 * the decimal string itself). Headlines only; tables and tooltips show the exact figure with formatAmount.
 */
export function formatHeadlineUsd(value: string, lang: Lang): string {
  const negative = value.startsWith('-');
  const [intPart = '0'] = value.replace(/^-/, '').split('.');
  const digits = intPart.replace(/^0+(?=\d)/, '');
  const scales = [
    { power: 9, vi: 'tỷ', en: 'billion' },
    { power: 6, vi: 'triệu', en: 'million' },
  ] as const;
  const scale = scales.find((s) => digits.length > s.power);
  if (!scale) return lang === 'en' ? `USD ${formatAmount(value, lang)}` : `${formatAmount(value, lang)} USD`;
  // Tenths of the unit, rounded half up from the next digit: 226,449,999 → 2264 (+0) → 226.4 million.
  const cut = digits.length - scale.power;
  const tenths = BigInt(digits.slice(0, cut + 1)) + (Number(digits[cut + 1] ?? '0') >= 5 ? 1n : 0n);
  const whole = (tenths / 10n).toString();
  const fraction = (tenths % 10n).toString();
  const { decimal } = separators(lang);
  const number = `${negative ? '-' : ''}${formatAmount(whole, lang)}${fraction === '0' ? '' : decimal + fraction}`;
  return lang === 'en' ? `USD ${number} ${scale.en}` : `${number} ${scale.vi} USD`;
}

/**
 * What was typed in a money field, back to a decimal string ("12.500,50" → "12500.50" on a Vietnamese screen,
 * "12,500.50" on an English one). A plain "12500.50" is read on both (pasted from a file). Returns null when the text
 * is not an amount, so the field can say so instead of sending something else.
 */
export function parseShownAmount(text: string, lang: Lang): string | null {
  const value = text.trim().replace(/\s/g, '');
  if (!/^-?[\d.,]+$/.test(value)) return null;
  const negative = value.startsWith('-');
  const body = value.replace(/^-/, '');
  const { group, decimal } = separators(lang);
  const groupedPattern = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  const plainPattern = new RegExp(`^\\d+(\\${decimal}\\d+)?$`);
  let normalised: string | null = null;
  if (groupedPattern.test(body) || plainPattern.test(body)) {
    normalised = body.split(group).join('').replace(decimal, '.');
  } else if (/^\d+(\.\d+)?$/.test(body)) {
    normalised = body; // a plain decimal with a point, whatever the screen's language
  }
  if (normalised === null) return null;
  const [int = '0', frac] = normalised.split('.');
  const cleanInt = int.replace(/^0+(?=\d)/, '');
  return `${negative ? '-' : ''}${cleanInt}${frac !== undefined ? `.${frac}` : ''}`;
}
