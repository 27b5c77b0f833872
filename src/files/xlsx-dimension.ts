/**
 * A worksheet's declared used range (`<dimension ref="A1:AC1048576"/>`, written near the start of the sheet's XML),
 * read before any row so that a sheet claiming a million rows is refused at once. Pure; the worker uses it.
 * @module
 */

/** The column number of letters A…XFD (A = 1). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The last row and column a `<dimension>` element declares, or null when the head carries none (it is optional). */
export function declaredDimension(sheetXmlHead: string): { ref: string; rows: number; columns: number } | null {
  const match = /<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*["']([^"']+)["']/.exec(sheetXmlHead);
  if (!match) return null;
  const ref = match[1]!.trim();
  let rows = 0;
  let columns = 0;
  for (const corner of ref.split(/[:\s]+/)) {
    const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(corner);
    if (!cell) continue;
    columns = Math.max(columns, columnNumber(cell[1]!));
    rows = Math.max(rows, Number(cell[2]));
  }
  return { ref, rows, columns };
}
