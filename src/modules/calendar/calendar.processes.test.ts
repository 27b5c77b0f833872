import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@db/types';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { loadCalendar } from './calendar.service';

/**
 * Several processes on one database each keep a built calendar: a decision made through another process (or a tool)
 * must reach this one's deadlines within seconds, not at its next restart.
 */
let t: TestDatabase;
let other: Kysely<Database>;
beforeAll(async () => {
  t = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: t.runtimeUrl, max: 2 });
  pool.on('error', () => undefined);
  other = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
});
afterAll(async () => {
  await other?.destroy();
  await t?.drop();
});

describe('the working calendar across processes', () => {
  it('sees a day off decided by another process within a few seconds', async () => {
    const day = '2031-03-12'; // a Wednesday
    expect((await loadCalendar(t.db)).isWorkingDay(day)).toBe(true);
    await other
      .insertInto('holiday_decisions')
      .values({
        date: day,
        kind: 'EXTRA_OFF',
        occasion: null,
        reason_vi: 'Nghỉ thêm',
        reason_en: 'Extra day off',
        legal_ref: 'Test 1/2031',
      })
      .execute();
    const deadline = Date.now() + 10_000;
    let working = true;
    while (working && Date.now() < deadline) {
      working = (await loadCalendar(t.db)).isWorkingDay(day);
      if (working) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(working).toBe(false);
  });
});
