import { z } from 'zod';
import type { Language } from '@common/i18n/languages';

/**
 * Field-level validation messages in the reader's language (issue 17 §2: "params.id: Invalid UUID" reached
 * Vietnamese screens). zod ships its messages in both languages; a schema's own message (a `refine` or a custom
 * text) is kept as written, since only the generic ones can be told apart from it.
 */
const LOCALES = { vi: z.locales.vi().localeError, en: z.locales.en().localeError } as const;

/** A failed check as the zod type provider reports it: zod's issue code, its parameters and its message. */
export type ValidationEntry = { keyword: string; message?: string; params?: Record<string, unknown>; instancePath?: string };

const textOf = (result: unknown): string | undefined =>
  typeof result === 'string' ? result : ((result as { message?: string } | undefined)?.message ?? undefined);

/** The entry's message in `lang`: zod's own wording for a generic check, the schema's text otherwise. */
export function validationMessage(entry: ValidationEntry, lang: Language): string {
  const issue = { ...entry.params, code: entry.keyword, path: [], message: entry.message } as never;
  let generic: string | undefined;
  let localised: string | undefined;
  try {
    generic = textOf(LOCALES.en(issue));
    localised = textOf(LOCALES[lang](issue));
  } catch {
    // An issue shape zod's locale does not know: keep the message as it came.
  }
  return entry.message && entry.message !== generic ? entry.message : (localised ?? entry.message ?? entry.keyword);
}
