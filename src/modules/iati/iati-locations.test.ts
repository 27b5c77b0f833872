import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';
import { applyImport } from './iati-import.run';

/** Locations of third-party files (issue 16 #8): by code, by point, by garbled name, and what stays unmatched. */
const FIXTURE = readFileSync(fileURLToPath(new URL('../../../test/fixtures/iati/locations-2.03.xml', import.meta.url)));
const ctx = { actor: null, label: 'test' };
const source = (bytes: Buffer) => ({ open: () => Readable.from([bytes]), bytes: bytes.length });

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const provincesOf = async (identifier: string) =>
  (
    await t.db
      .selectFrom('aid_locations as l')
      .innerJoin('aid_items as i', 'i.id', 'l.aid_item_id')
      .select('l.province_id')
      .where('i.iati_identifier', '=', identifier)
      .execute()
  )
    .map((r) => r.province_id)
    .sort();

describe('IATI import: locations', () => {
  it('places items by GeoNames and ISO codes, by point and by garbled name, and lists the rest with their reasons', async () => {
    const report = await applyImport(t.db, ctx, source(FIXTURE));
    expect(report.counts).toMatchObject({ created: 2, skipped: 0 });

    // 2022: VN.44 (GeoNames) Hà Nội, VN-SG (ISO) TP HCM, a point in Hà Giang city, "Hu?" Huế; old provinces.
    expect(await provincesOf('XI-IATI-LOC-001')).toEqual(['old63:01', 'old63:02', 'old63:46', 'old63:79']);
    // 2025-09: the same point, GeoNames id of Bắc Kạn, "B?c Liêu": rolled up to the current provinces.
    expect(await provincesOf('XI-IATI-LOC-002')).toEqual(['new34:08', 'new34:19', 'new34:96']);

    const first = report.created.find((e) => e.identifier === 'XI-IATI-LOC-001')!;
    const unmatched = (first.leftOut ?? []).filter((p) => p.reason === 'location_unresolved').map((p) => p.detail);
    expect(unmatched).toEqual([
      expect.stringMatching(/^point_outside: .*point 12 110\.5; name "Offshore platform"/),
      expect.stringMatching(/^ambiguous_name: .*"\?inh Thu\?n" \(old63:58, old63:60\)/),
      expect.stringMatching(/^no_code_match: .*code A1:3313/),
      expect.stringMatching(/^unknown_name: .*"Atlantis"/),
    ]);
    expect(report.partsLeftOutByReason.location_unresolved).toBe(4);
    const second = report.created.find((e) => e.identifier === 'XI-IATI-LOC-002')!;
    expect((second.leftOut ?? []).filter((p) => p.reason === 'location_unresolved')).toEqual([]);
  });
});
