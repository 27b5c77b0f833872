import enErrors from './en/errors.json';
import viErrors from './vi/errors.json';
import { interpolate, type Language } from './languages';

const errors: Record<Language, Record<string, string>> = { vi: viErrors, en: enErrors };

/** The localized message of an error code, or undefined when the catalogue has none. */
export function errorMessage(code: string, lang: Language, params?: Record<string, string | number>): string | undefined {
  const template = errors[lang][code];
  return template === undefined ? undefined : interpolate(template, params);
}
