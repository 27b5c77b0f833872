/**
 * Reading the reference lists. A province's unit type is the one in force on the given Viet Nam date (a district
 * became a city, a province a centrally-run city).
 * @module
 */
import { sql } from 'kysely';
import type { Agency, Country, Currency, Province, ProvincesQuery, Region, Sector } from '@common/contracts/reference';
import { vietnamToday } from '@common/time/vietnam-today';
import type { Db } from '@db/transaction';

/** The provincial units of one code scheme, by code, with their unit type on `date` (default: today in Viet Nam). */
export async function listProvinces(db: Db, query: ProvincesQuery): Promise<Province[]> {
  const asOf = query.date ?? vietnamToday();
  const rows = await db
    .selectFrom('provinces as p')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('province_unit_types as t')
          .select(['t.unit_type_vi', 't.unit_type_en'])
          .whereRef('t.province_id', '=', 'p.id')
          .where('t.valid_from', '<=', asOf)
          .orderBy('t.valid_from', 'desc')
          .limit(1)
          .as('t'),
      (join) => join.onTrue(),
    )
    .select(['p.id', 'p.scheme', 'p.code', 'p.name_vi', 'p.name_en', 'p.region_code', 'p.rolls_up_to', 't.unit_type_vi', 't.unit_type_en'])
    .where('p.scheme', '=', query.scheme)
    .orderBy('p.code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    scheme: r.scheme,
    code: r.code,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    regionCode: r.region_code,
    rollsUpTo: r.rolls_up_to,
    unitTypeVi: r.unit_type_vi,
    unitTypeEn: r.unit_type_en,
  }));
}

export async function listRegions(db: Db): Promise<Region[]> {
  const rows = await db.selectFrom('regions').selectAll().orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, nameVi: r.name_vi, nameEn: r.name_en }));
}

export async function listSectors(db: Db): Promise<Sector[]> {
  const rows = await db.selectFrom('sectors').selectAll().orderBy('sort').execute();
  return rows.map((s) => ({ code: s.code, nameVi: s.name_vi, nameEn: s.name_en, dacCode: s.dac_code }));
}

/** Countries by Vietnamese name in byte order (the same order on every server, whatever its locale). */
export async function listCountries(db: Db): Promise<Country[]> {
  const rows = await db
    .selectFrom('countries')
    .selectAll()
    .orderBy(sql`name_vi collate "C"`)
    .execute();
  return rows.map((c) => ({ code: c.code, nameVi: c.name_vi, nameEn: c.name_en }));
}

export async function listCurrencies(db: Db): Promise<Currency[]> {
  const rows = await db.selectFrom('currencies').selectAll().orderBy('code').execute();
  return rows.map((c) => ({ code: c.code, nameVi: c.name_vi, nameEn: c.name_en, minorUnits: c.minor_units }));
}

/** State agencies with their successor; `currentOnly` leaves out those that have ceased. */
export async function listAgencies(db: Db, currentOnly: boolean): Promise<Agency[]> {
  let query = db.selectFrom('agencies').selectAll();
  if (currentOnly) query = query.where('valid_until', 'is', null);
  const rows = await query.orderBy('kind').orderBy('id').execute();
  return rows.map((a) => ({
    id: a.id,
    nameVi: a.name_vi,
    nameEn: a.name_en,
    kind: a.kind,
    provinceId: a.province_id,
    validUntil: a.valid_until,
    successorId: a.successor_id,
  }));
}
