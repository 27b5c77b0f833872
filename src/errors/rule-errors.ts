import type { Language } from '@common/i18n/languages';
import { interpolate } from '@common/i18n/languages';

/**
 * Business-rule failures raised by src/domain (a second representative office, a validity beyond the cap…).
 * They answer 422 with the rule's own code in details.rule and a message written for that rule.
 */
export type RuleErrorLike = Error & { code: string; details?: unknown };

type Messages = Record<string, { vi: string; en: string }>;
const catalogues: Messages[] = [];

/** Domain packages register their rule messages once at import time. */
export function registerRuleMessages(messages: Messages): void {
  catalogues.push(messages);
}

export function isRuleError(error: unknown): error is RuleErrorLike {
  return error instanceof Error && error.name === 'DomainRuleError' && typeof (error as { code?: unknown }).code === 'string';
}

export function ruleErrorMessage(error: RuleErrorLike, lang: Language): string {
  for (const catalogue of catalogues) {
    const entry = catalogue[error.code];
    if (entry) return interpolate(entry[lang], (error.details ?? {}) as Record<string, string | number>);
  }
  return error.message;
}
