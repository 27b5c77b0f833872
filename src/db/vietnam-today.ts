import { sql } from 'kysely';

/**
 * Today in Viet Nam as the database sees it (`date`), for conditions evaluated inside SQL; the same day as
 * `vietnamToday()` of common/time/vietnam-today.ts whatever the server's or the session's time zone.
 */
export const sqlVietnamToday = sql<string>`(now() at time zone 'Asia/Ho_Chi_Minh')::date`;
