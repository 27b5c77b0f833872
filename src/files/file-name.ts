/**
 * Characters a stored file name must not keep: NUL and the other C0/C1 control characters (they break logs, headers
 * and terminals), the bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE turns `invoice‮fdp.exe` into what reads
 * as `invoiceexe.pdf`; also U+061C, U+200E/F, U+202A–U+202D, U+2066–U+2069) and invisible zero-width spaces / BOM.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/**
 * The name an uploaded file is stored and shown under: the last path segment of what the browser sent (old browsers
 * send `C:\…\name`), NFC-normalised, without control, bidirectional-override and zero-width characters, trimmed and
 * cut to `maxLength` characters (never inside a surrogate pair). May be empty: callers supply their own default.
 */
export function cleanFileName(name: string, maxLength = 255): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  const clean = lastSegment.normalize('NFC').replace(UNSAFE, '').trim();
  const characters = Array.from(clean);
  return characters.length > maxLength ? characters.slice(0, maxLength).join('').trim() : clean;
}
