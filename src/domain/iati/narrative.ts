/**
 * IATI narratives (`<narrative xml:lang="…">`) ⇄ `LocalizedText`.
 * vnaid always writes an explicit `xml:lang`, Vietnamese first, so no consumer has to guess the language.
 * @module
 */
import type { LocalizedText } from './model';
import type { XmlWriter } from './xml-writer';

/** The language/text pairs of a LocalizedText in output order: vi, en, then other languages sorted. */
export function narrativeEntries(t: LocalizedText): [lang: string, text: string][] {
  const out: [string, string][] = [];
  if (t.vi !== undefined) out.push(['vi', t.vi]);
  if (t.en !== undefined) out.push(['en', t.en]);
  for (const lang of Object.keys(t.other ?? {}).sort()) out.push([lang, t.other![lang]!]);
  return out;
}

/** Writes one `<narrative>` per language. */
export function writeNarratives(w: XmlWriter, t: LocalizedText): void {
  for (const [lang, text] of narrativeEntries(t)) w.leaf('narrative', [['xml:lang', lang]], text);
}

/** Writes `<name>narratives</name>`, or nothing when the text is empty (IATI forbids empty narrative lists there). */
export function writeTextElement(
  w: XmlWriter,
  name: string,
  t: LocalizedText | undefined,
  attrs: [string, string | undefined][] = [],
): void {
  if (!t || narrativeEntries(t).length === 0) return;
  w.open(name, attrs);
  writeNarratives(w, t);
  w.close(name);
}

/** A LocalizedText from an organisation's separate Vietnamese and English names. */
export function orgName(o: { nameVi?: string; nameEn?: string }): LocalizedText {
  const t: LocalizedText = {};
  if (o.nameVi !== undefined) t.vi = o.nameVi;
  if (o.nameEn !== undefined) t.en = o.nameEn;
  return t;
}
