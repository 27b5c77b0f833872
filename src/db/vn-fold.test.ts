import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnFold } from '@common/text/vn-fold';
import { createTestContext, type TestContext } from '../../test/support/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

/** Every letter of the Vietnamese alphabet with each of its tones, in both cases. */
const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const lower = [...'bcdđghklmnpqrstvx', ...[...VOWELS].flatMap((v) => TONES.map((tone) => `${v}${tone}`.normalize('NFC')))];
const letters = [...lower, ...lower.map((l) => l.toUpperCase())];

describe('vnFold', () => {
  it('folds every Vietnamese letter exactly as the SQL vn_fold does', async () => {
    expect(letters.length).toBe(2 * (17 + 12 * 6));
    const { rows } = await sql<{ letter: string; folded: string }>`
      select letter, vn_fold(letter) as folded from unnest(${letters}::text[]) as letter`.execute(t.db);
    const fromSql = Object.fromEntries(rows.map((r) => [r.letter, r.folded]));
    for (const letter of letters) expect([letter, vnFold(letter)]).toEqual([letter, fromSql[letter]]);
    expect(vnFold('Đặng Thị Hoà')).toBe('dang thi hoa');
  });
});
