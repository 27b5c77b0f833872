import { z } from 'zod';
import { isIsoDate } from '@domain/calendar/iso-date';

/**
 * The schema primitives every module's request schemas share, so one definition decides what a date or a web
 * address is (issue 11: each module had its own `z.string().date()`, which let `0000-01-01` through to
 * PostgreSQL and answered 500).
 */

/** The years PostgreSQL's `date` holds and a Vietnamese legal date can have: 0001–9999 (there is no year 0). */
const MIN_YEAR = 1;

/** True when `value` is a real calendar day `YYYY-MM-DD` of years 0001–9999 (no year 0, no 2025-02-30). */
export function isCalendarDate(value: unknown): value is string {
  return isIsoDate(value) && Number(value.slice(0, 4)) >= MIN_YEAR;
}

/** A real calendar day written YYYY-MM-DD (2025-02-30, 9999-99-99 and 0000-01-01 are refused). */
export const isoDate = z
  .string()
  .refine((value) => isCalendarDate(value), { message: 'expected a calendar date YYYY-MM-DD' })
  .meta({ format: 'date', example: '2026-01-15' });

/** The schemes a published web address may use: a `javascript:`, `data:` or `vbscript:` link would run in readers' browsers. */
const WEB_SCHEMES = new Set(['http:', 'https:']);

/** True when `value` is an absolute http(s) address with a host. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return WEB_SCHEMES.has(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * A web address (an organisation's website): trimmed, `http://` or `https://` only, at most `max` characters.
 * An empty string stays allowed (a cleared field), as before.
 */
export const webUrl = (max = 300) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => value === '' || isWebUrl(value), { message: 'expected an http:// or https:// address' })
    .meta({ example: 'https://example.org' });

/** Query parameters of every list: 1-based page, bounded page size. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** The shape of every paginated answer. */
export const paginated = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** A paginated answer as the client reads it. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
