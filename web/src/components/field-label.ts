/**
 * A validation issue names its field by path (`body.application.requestedValidUntil`, `body.lines.2.amount`); the
 * reader sees the field's label in the screen's language (issue 17 §2): the last named segment looked up in the
 * catalogues' `fields` sections (common first), with the row for a list item; the path only when no catalogue
 * names the field.
 */

/** Looks a catalogue key up in one namespace; undefined when the catalogue has no such key. */
export type Lookup = (namespace: string, key: string, params?: Record<string, string | number>) => string | undefined;

/** The namespaces whose `fields` sections name form fields, in the order they are searched. */
export const FIELD_NAMESPACES = ['common', 'procedures', 'registry', 'aid', 'programme', 'coordination', 'supervision', 'stats', 'admin'];

/** The label of the field at `path` (see the module comment). */
export function fieldLabel(path: string, lookup: Lookup): string {
  const cleaned = path.replace(/^(body|params|querystring)\./, '');
  const segments = cleaned.split('.');
  const named = segments.filter((s) => !/^\d+$/.test(s));
  const index = segments.find((s) => /^\d+$/.test(s));
  const key = named.at(-1);
  if (!key) return cleaned;
  for (const ns of FIELD_NAMESPACES) {
    const label = lookup(ns, `fields.${key}`);
    if (label) {
      const row = index === undefined ? undefined : lookup('common', 'fields.row', { n: Number(index) + 1 });
      return row ? `${label} (${row})` : label;
    }
  }
  return cleaned;
}
