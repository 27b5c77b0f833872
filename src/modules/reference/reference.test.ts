import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

describe('reference data', () => {
  it('has the 34 current units and the 63 old ones, each old one rolling up to exactly one current unit', async () => {
    const current = (await t.app.inject({ url: '/api/reference/provinces' })).json().items;
    const old = (await t.app.inject({ url: '/api/reference/provinces?scheme=old63' })).json().items;
    expect(current).toHaveLength(34);
    expect(old).toHaveLength(63);
    const byId = new Map(old.map((p: { id: string; rollsUpTo: string }) => [p.id, p.rollsUpTo]));
    expect(byId.get('old63:02')).toBe('new34:08'); // Hà Giang → Tuyên Quang
    expect(byId.get('old63:24')).toBe('new34:24'); // Bắc Giang → Bắc Ninh: same digits, different unit
    expect(byId.get('old63:27')).toBe('new34:24'); // Bắc Ninh (old) → Bắc Ninh
    expect(new Set(old.map((p: { rollsUpTo: string }) => p.rollsUpTo)).size).toBe(34);
  });

  it('gives a unit its type as of a date: Đồng Nai became a centrally-run city on 30/04/2026', async () => {
    const type = async (date: string) =>
      (await t.app.inject({ url: `/api/reference/provinces?date=${date}` })).json().items.find((p: { id: string }) => p.id === 'new34:75')
        .unitTypeVi;
    expect(await type('2026-04-29')).toBe('Tỉnh');
    expect(await type('2026-04-30')).toBe('Thành phố');
  });

  it('routes the Ministry of Planning and Investment to its successor, the Ministry of Finance', async () => {
    const all = (await t.app.inject({ url: '/api/reference/agencies?current=0' })).json().items;
    expect(all.find((a: { id: string }) => a.id === 'MPI').successorId).toBe('MOF');
    const current = (await t.app.inject({ url: '/api/reference/agencies' })).json().items;
    expect(current.some((a: { id: string }) => a.id === 'MPI')).toBe(false);
  });

  it('lists sectors with DAC codes and countries with Vietnamese names', async () => {
    const sectors = (await t.app.inject({ url: '/api/reference/sectors' })).json().items;
    expect(sectors.find((s: { code: string }) => s.code === 'YTE').dacCode).toMatch(/^\d{5}$/);
    const countries = (await t.app.inject({ url: '/api/reference/countries' })).json().items;
    expect(countries.find((c: { code: string }) => c.code === 'US').nameVi).toBe('Hoa Kỳ');
  });

  it('names countries as people do, once each, in both languages', async () => {
    type Country = { code: string; nameVi: string; nameEn: string };
    const countries: Country[] = (await t.app.inject({ url: '/api/reference/countries' })).json().items;
    const byCode = new Map(countries.map((c) => [c.code, c]));
    expect(byCode.get('US')!.nameEn).toBe('United States');
    expect(byCode.get('NL')!.nameEn).toBe('Netherlands');
    expect(byCode.get('KR')!.nameEn).toBe('Republic of Korea');
    expect(countries.filter((c) => c.nameEn.endsWith('(the)'))).toEqual([]);
    for (const lang of ['nameVi', 'nameEn'] as const) {
      const names = countries.map((c) => c[lang]);
      expect(
        names.filter((name, i) => names.indexOf(name) !== i),
        `${lang} listed twice`,
      ).toEqual([]);
    }
  });

  it('folds Vietnamese accents in the database for accent-free search', async () => {
    const alias = await t.db
      .selectFrom('province_aliases')
      .select('province_id')
      .where((eb) => eb(eb.fn('vn_fold', ['alias']), '=', eb.fn('vn_fold', [eb.val('dak lak')])))
      .execute();
    expect(alias.map((a) => a.province_id)).toContain('new34:66');
  });
});
