import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IatiActivity } from '@domain/iati/model';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { applyImport } from './iati-import.run';
import { parseExport } from './iati.test-support';
import { validateAgainstSchema } from './xml/validate-xsd';

/** Exact DAC sector codes (issue 16 #7), from a publisher file of our own. */
const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/iati/dac-codes-2.03.xml', import.meta.url));
const TWENTY = [
  '11220',
  '12220',
  '12240',
  '13020',
  '15110',
  '15150',
  '15160',
  '15170',
  '16010',
  '16020',
  '16061',
  '21010',
  '23210',
  '31120',
  '31140',
  '31161',
  '32130',
  '41030',
  '43040',
  '72010',
];
const ctx = { actor: null, label: 'test' };
const source = (text: string) => ({ open: () => Readable.from([Buffer.from(text)]), bytes: Buffer.byteLength(text) });

let t: TestContext;
let admin: Session;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signInAs('admin');
  const report = await applyImport(t.db, ctx, source(readFileSync(FIXTURE, 'utf8')));
  expect(report.counts).toMatchObject({ created: 2, skipped: 0 });
});
afterAll(async () => t?.close());

async function exported(): Promise<{ xml: string; byId: Map<string, IatiActivity> }> {
  const response = await t.call(admin, { method: 'GET', url: '/api/iati/activities.xml' });
  expect(response.statusCode).toBe(200);
  expect(await validateAgainstSchema(response.body, 'activities')).toEqual({ valid: true, errors: [] });
  // parseExport runs the Standard Ruleset checker: percentages per vocabulary sum to 100, vocabulary 99 has names.
  return { xml: response.body, byId: new Map((await parseExport(response.body)).map((p) => [p.activity.identifier, p.activity])) };
}
const vocabulary = (a: IatiActivity, v: string) => a.sectors.filter((s) => s.vocabulary === v).map((s) => [s.code, s.percentage]);

describe("the publisher's exact DAC codes", () => {
  it('come back out: 20 distinct 5-digit codes in, the same 20 out, beside vnaid sectors as vocabulary 99', async () => {
    const { byId } = await exported();
    const a = byId.get('XI-IATI-DAC-20')!;
    expect(
      vocabulary(a, '1')
        .map(([code]) => code)
        .sort(),
    ).toEqual(TWENTY);
    expect(vocabulary(a, '1').every(([, pct]) => Number(pct) === 5)).toBe(true);
    const own = a.sectors.filter((s) => s.vocabulary === '99');
    expect(own.map((s) => s.code).sort()).toEqual(['GDDT', 'NLNN', 'PTKTXH', 'TNMT', 'TT_KC', 'VHTT', 'XDNL', 'XH', 'YTE']);
    expect(own.every((s) => s.vocabularyUri === 'urn:vnaid:sector:v1' && s.name?.vi && s.name.en)).toBe(true);
    const stored = await t.db
      .selectFrom('aid_sector_codes as c')
      .innerJoin('aid_items as i', 'i.id', 'c.aid_item_id')
      .select(['c.code', 'c.sector_code'])
      .where('i.iati_identifier', '=', 'XI-IATI-DAC-20')
      .execute();
    expect(stored).toHaveLength(20);
    expect(stored.find((c) => c.code === '31161')!.sector_code).toBe('NLNN');
  });

  it('keeps DAC 3-digit categories (vocabulary 2) with their shares brought to 100', async () => {
    const { byId } = await exported();
    const a = byId.get('XI-IATI-DAC-3DIGIT')!;
    expect(vocabulary(a, '2')).toEqual([
      ['122', '50.00'],
      ['111', '25.00'],
      ['112', '25.00'],
    ]);
    // Vocabulary 1 is vnaid's primary code of each of its sectors, as before (no 5-digit code was published).
    expect(vocabulary(a, '1')).toEqual([
      ['12220', '50.00'],
      ['11110', '50.00'],
    ]);
  });

  it("re-importing vnaid's export of them changes nothing", async () => {
    const { xml } = await exported();
    const report = await applyImport(t.db, ctx, source(xml));
    expect(report.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it("are dropped when an officer changes the item's sectors: the export then writes vnaid's codes", async () => {
    const item = await t.db
      .selectFrom('aid_items')
      .select(['id', 'version'])
      .where('iati_identifier', '=', 'XI-IATI-DAC-3DIGIT')
      .executeTakeFirstOrThrow();
    const response = await t.call(admin, {
      method: 'PATCH',
      url: `/api/aid/${item.id}`,
      payload: { version: item.version, sectors: [{ code: 'YTE', share: '100' }] },
    });
    expect(response.statusCode).toBe(200);
    const a = (await exported()).byId.get('XI-IATI-DAC-3DIGIT')!;
    expect(vocabulary(a, '2')).toEqual([]);
    expect(vocabulary(a, '1')).toEqual([['12220', '100.00']]);
  });
});
