import en from '@common/i18n/en/opendata.json';
import vi from '@common/i18n/vi/opendata.json';
import { interpolate, type Language } from '@common/i18n/languages';

const catalogues: Record<Language, unknown> = { vi, en };

/** An open-data text on the server, from the UI's catalogue (common/i18n/{vi,en}/opendata.json); falls back to the key. */
export function ot(lang: Language, key: string, params?: Record<string, string | number>): string {
  let node: unknown = catalogues[lang];
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? interpolate(node, params) : key;
}
