import en from '@common/i18n/en/registry.json';
import vi from '@common/i18n/vi/registry.json';
import { interpolate, type Language } from '@common/i18n/languages';
import { ruleMessages, type RuleCode } from '@domain/rule-error';

const catalogues: Record<Language, unknown> = { vi, en };

/**
 * A registry text on the server (export headers, import report, stale-edit summary), from the same catalogue
 * the UI uses (common/i18n/{vi,en}/registry.json), so both say the same thing. Falls back to the key.
 */
export function rt(lang: Language, key: string, params?: Record<string, string | number>): string {
  let node: unknown = catalogues[lang];
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? interpolate(node, params) : key;
}

/** The localised message of a domain rule code. */
export const ruleText = (lang: Language, code: string): string =>
  Object.hasOwn(ruleMessages, code) ? ruleMessages[code as RuleCode][lang] : code;
