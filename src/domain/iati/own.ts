/**
 * Safe lookup of file-provided keys in constant tables: `table[key]` would return inherited members
 * such as `constructor` for a code written as "constructor" in a hostile or broken file.
 * @module
 */

/** `table[key]` if `key` is an own property of `table`, else undefined. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
