/**
 * The one accent fold of vnaid, the TypeScript twin of the SQL function `vn_fold` (migration
 * 20261123120000_foundation.sql): đ/Đ → d/D, every combining mark removed, lower case. "Đặng Thị Hoà" and
 * "dang thi hoa" fold alike, in the browser, on the server and in PostgreSQL (an integration test compares this
 * function with `vn_fold` on every Vietnamese letter).
 * @module
 */

/** Folds accents and case, exactly as SQL `vn_fold` does: `vnFold('Cứu trợ Đặng') === 'cuu tro dang'`. */
export function vnFold(text: string): string {
  return text
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** A comparison key for names typed by people: {@link vnFold}, runs of white space as one space, trimmed. */
export function vnNameKey(text: string): string {
  return vnFold(text).replace(/\s+/g, ' ').trim();
}
