/**
 * The rows of each open-data dataset (see opendata.fields.ts), read through the modules that own the data: the
 * public directory (src/modules/registry) and the public statistics (src/modules/stats). Nothing here computes a
 * figure of its own, so the bundle says exactly what the directory and the statistics pages say.
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '@db/types';
import type { Language } from '@common/i18n/languages';
import { directoryRows } from '@modules/registry/directory.repository';
import { rt } from '@modules/registry/registry-messages';
import { bySector, byProvince, hasSyntheticData, trend } from '@modules/stats/stats.service';
import { names } from '@modules/stats/stats.repository';
import type { DatasetName } from './opendata.fields';
import { ot } from './opendata-messages';

/** A dataset row: field name → value (lists as arrays). */
export type Row = Record<string, string | number | boolean | null | string[]>;

const LANGS: readonly Language[] = ['vi', 'en'];
const both = (label: (lang: Language) => string) => ({ vi: label('vi'), en: label('en') });

/** The directory, every organisation, with codes and labels (batches of 500; no personal data). */
export async function* directoryDataset(db: Kysely<Database>, today: string): AsyncGenerator<Row[]> {
  const ref = await names(db, []);
  const province = new Map(ref.provinces.map((p) => [p.id, p]));
  const sector = new Map(ref.sectors.map((s) => [s.code, s]));
  for await (const batch of directoryRows(db, {}, today)) {
    const iati = new Map(
      (
        await db
          .selectFrom('organisations')
          .select(['id', 'iati_org_id'])
          .where(
            'id',
            'in',
            batch.map((o) => o.id),
          )
          .execute()
      ).map((o) => [o.id, o.iati_org_id]),
    );
    yield batch.map((o) => {
      const status = both((lang) => rt(lang, `status.${o.status}`));
      const types = LANGS.map((lang) => o.certificateTypes.map((t) => rt(lang, `certificateTypes.${t}`)));
      return {
        id: o.id,
        code: o.code,
        name: o.name,
        nameVi: o.nameVi,
        nameEn: o.nameEn,
        acronym: o.acronym,
        country: o.country,
        countryVi: o.countryNameVi,
        countryEn: o.countryNameEn,
        status: o.status,
        statusVi: status.vi,
        statusEn: status.en,
        certificateTypes: o.certificateTypes,
        certificateTypesVi: types[0]!,
        certificateTypesEn: types[1]!,
        sectors: o.sectorCodes,
        sectorsVi: o.sectorCodes.map((c) => sector.get(c)?.name_vi ?? c),
        sectorsEn: o.sectorCodes.map((c) => sector.get(c)?.name_en ?? c),
        provinces: o.provinceIds,
        provincesVi: o.provinceIds.map((p) => province.get(p)?.name_vi ?? p),
        provincesEn: o.provinceIds.map((p) => province.get(p)?.name_en ?? p),
        validUntil: o.validUntil,
        website: o.website,
        iatiOrgId: iati.get(o.id) ?? null,
        synthetic: o.synthetic,
      };
    });
  }
}

/** The years the statistics cover: the first year with aid money up to the current one. */
export async function statisticsYears(db: Kysely<Database>, today: string): Promise<number[]> {
  const current = Number(today.slice(0, 4));
  const row = await db
    .selectFrom('stats_item_year')
    .select(sql<number | null>`min(year)`.as('first'))
    .executeTakeFirst();
  const first = Math.min(row?.first ?? current, current);
  return Array.from({ length: current - first + 1 }, (_, i) => first + i);
}

/** The three statistics datasets, over `years`. */
export async function statisticsDatasets(
  db: Kysely<Database>,
  years: readonly number[],
): Promise<Record<Exclude<DatasetName, 'directory' | 'needs'>, Row[]>> {
  const [synthetic, ref, sectors] = await Promise.all([
    hasSyntheticData(db),
    names(db, []),
    db.selectFrom('sectors').select(['code', 'name_vi', 'name_en', 'dac_code']).execute(),
  ]);
  const region = new Map(ref.regions.map((r) => [r.code, r]));
  const province = new Map(ref.provinces.map((p) => [p.id, p]));
  const sector = new Map(sectors.map((s) => [s.code, s]));
  const last = years[years.length - 1]!;
  const series = await trend(db, last, {}, years.length);
  const byYear: Row[] = series.map((y) => ({ ...y, synthetic }));
  const byProvinceRows: Row[] = [];
  const bySectorRows: Row[] = [];
  const place = { vi: ot('vi', 'bundle.noLocation'), en: ot('en', 'bundle.noLocation') };
  const field = { vi: ot('vi', 'bundle.noSector'), en: ot('en', 'bundle.noSector') };
  for (const year of years) {
    const p = await byProvince(db, year, {}, 'vi');
    for (const item of [...p.items, { id: '', region: '', ...p.unallocated }]) {
      const prov = province.get(item.id);
      const reg = region.get(item.region ?? '');
      byProvinceRows.push({
        year,
        province: item.id,
        provinceVi: prov?.name_vi ?? (item.id || place.vi),
        provinceEn: prov?.name_en ?? (item.id || place.en),
        region: item.region ?? '',
        regionVi: reg?.name_vi ?? '',
        regionEn: reg?.name_en ?? '',
        committedUsd: item.committedUsd,
        disbursedUsd: item.disbursedUsd,
        aidRecords: item.aidRecords,
        organisations: item.organisations,
        synthetic,
      });
    }
    const s = await bySector(db, year, {}, 'vi');
    for (const item of [...s.items, { code: '', ...s.unallocated }]) {
      const sec = sector.get(item.code);
      bySectorRows.push({
        year,
        sector: item.code,
        sectorVi: sec?.name_vi ?? (item.code || field.vi),
        sectorEn: sec?.name_en ?? (item.code || field.en),
        dacCode: sec?.dac_code ?? '',
        committedUsd: item.committedUsd,
        disbursedUsd: item.disbursedUsd,
        aidRecords: item.aidRecords,
        organisations: item.organisations,
        synthetic,
      });
    }
  }
  return { 'stats-by-year': byYear, 'stats-by-province': byProvinceRows, 'stats-by-sector': bySectorRows };
}
