import { sql, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import type { Rate } from './calibrate';
import type { ProvinceRef } from './plan-organisations';

export type AgencyRef = {
  id: string;
  nameVi: string;
  kind: string;
  provinceId: string | null;
  validFrom: string | null;
  validUntil: string | null;
  successorId: string | null;
};

/** The reference data the generator draws on: provinces, agencies, sectors' line ministries, rates, currencies. */
export async function loadReference(trx: Transaction<Database>) {
  const [provinces, agencies, sectors, rates, currencies] = await Promise.all([
    sql<{
      id: string;
      scheme: string;
      name_vi: string;
      name_en: string;
      region_code: string;
      rolls_up_to: string;
      historic: string | null;
    }>`
      select p.id, p.scheme, p.name_vi, p.name_en, p.region_code, p.rolls_up_to, h.region_code as historic
      from provinces p left join historic_region_provinces h on h.province_id = p.id order by p.id`
      .execute(trx)
      .then((r) => r.rows),
    trx
      .selectFrom('agencies')
      .select(['id', 'name_vi', 'kind', 'province_id', 'valid_from', 'valid_until', 'successor_id'])
      .orderBy('id')
      .execute(),
    trx.selectFrom('sectors').select(['code', 'line_ministry_id']).execute(),
    trx
      .selectFrom('exchange_rates')
      .select(['currency', 'rate_date', 'usd_per_unit', 'vnd_per_unit'])
      .orderBy('currency')
      .orderBy('rate_date')
      .execute(),
    trx.selectFrom('currencies').select(['code', 'minor_units']).execute(),
  ]);
  const rateMap = new Map<string, Rate[]>();
  for (const r of rates)
    rateMap.set(r.currency, [...(rateMap.get(r.currency) ?? []), { date: r.rate_date, usd: r.usd_per_unit, vnd: r.vnd_per_unit }]);
  return {
    provinces: provinces.map((p): ProvinceRef => ({
      id: p.id,
      scheme: p.scheme as 'old63' | 'new34',
      nameVi: p.name_vi,
      nameEn: p.name_en,
      region: p.region_code,
      rollsUpTo: p.rolls_up_to,
      historicRegion: p.historic,
    })),
    agencies: agencies.map((a): AgencyRef => ({
      id: a.id,
      nameVi: a.name_vi,
      kind: a.kind,
      provinceId: a.province_id,
      validFrom: a.valid_from,
      validUntil: a.valid_until,
      successorId: a.successor_id,
    })),
    lineMinistry: new Map(sectors.map((s) => [s.code, s.line_ministry_id])),
    rates: rateMap,
    minorUnits: new Map(currencies.map((c) => [c.code, c.minor_units])),
  };
}

export type Reference = Awaited<ReturnType<typeof loadReference>>;

/** The agency that held a role on a date: the named one, or the predecessor it replaced, or its successor. */
export function agencyOn(reference: Reference, id: string, date: string): string {
  const byId = new Map(reference.agencies.map((a) => [a.id, a]));
  let agency = byId.get(id);
  if (!agency) return id;
  if (agency.validFrom && date < agency.validFrom) {
    const predecessor = reference.agencies.find((a) => a.successorId === agency!.id);
    if (predecessor) return predecessor.id;
  }
  while (agency.validUntil && date > agency.validUntil && agency.successorId) agency = byId.get(agency.successorId) ?? agency;
  return agency.id;
}
