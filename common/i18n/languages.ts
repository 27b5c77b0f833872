export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'vi';

/** Picks vi or en from an Accept-Language header; Vietnamese unless English is preferred. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return defaultLanguage;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { tag: tag.toLowerCase().slice(0, 2), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.tag === 'vi' || entry.tag === 'en')
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.tag as Language | undefined) ?? defaultLanguage;
}

/** Replaces {{name}} placeholders, as i18next does, for messages rendered on the server. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
