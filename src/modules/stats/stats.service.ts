import { vietnamToday } from '@common/time/vietnam-today';
import { centsToString, formatScaled, roundMoney, sumScaled, toCents } from '@domain/money/decimal';
import { registrationReferenceDate } from '@domain/statistics/definitions';
import type { StatsFilter } from './stats.filters';
import { allocateMoney, emptyPart, figure, nameIn, type Lang } from './stats.present';
import { groupBy, names, registeredOn, splitByDimension, totalsByYear, type PartRow } from './stats.repository';
import type { Db } from '@db/transaction';

const today = () => vietnamToday();

/** Key figures of a year with the previous year's and the change (the contract's summary, extended). */
export async function summary(db: Db, year: number, f: StatsFilter) {
  const refs = [registrationReferenceDate(year - 1, today()), registrationReferenceDate(year, today())] as const;
  const [totals, registered, synthetic] = await Promise.all([
    totalsByYear(db, [year - 1, year], f),
    registeredOn(db, refs, f),
    hasSyntheticData(db),
  ]);
  const [prev, cur] = [totals[0]!, totals[1]!];
  const [regPrev, regCur] = [registered.get(refs[0]) ?? null, registered.get(refs[1]) ?? null];
  return {
    year,
    activeOrganisations: cur.active,
    registeredOrganisations: regCur,
    committedUsd: roundMoney(cur.committed),
    disbursedUsd: roundMoney(cur.disbursed),
    aidRecords: cur.records,
    referenceDate: refs[1],
    previous: {
      year: year - 1,
      activeOrganisations: prev.active,
      registeredOrganisations: regPrev,
      committedUsd: roundMoney(prev.committed),
      disbursedUsd: roundMoney(prev.disbursed),
      aidRecords: prev.records,
    },
    changePct: {
      activeOrganisations: figure(cur.active, prev.active).changePct,
      registeredOrganisations: figure(regCur, regPrev).changePct,
      committedUsd: figure(roundMoney(cur.committed), roundMoney(prev.committed)).changePct,
      disbursedUsd: figure(roundMoney(cur.disbursed), roundMoney(prev.disbursed)).changePct,
      aidRecords: figure(cur.records, prev.records).changePct,
    },
    synthetic,
  };
}

/** True when the database holds synthetic (demo) records: every screen and export then says so. */
export async function hasSyntheticData(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').where('synthetic', '=', true).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** One year by the 34 current provinces, their 6 regions, and what has no location. Parts add up to the total. */
export async function byProvince(db: Db, year: number, f: StatsFilter, lang: Lang) {
  const [split, ref] = await Promise.all([splitByDimension(db, year, f, 'province'), names(db, [])]);
  const partOf = new Map(split.parts.map((p) => [p.code, p]));
  let provinces = ref.provinces.map((p) => ({ p, row: partOf.get(p.id) ?? emptyPart(p.id) }));
  let regions = ref.regions.map((r) => ({ r, row: partOf.get(`region:${r.code}`) ?? emptyPart(r.code) }));
  let total = { committed: split.total.committed, disbursed: split.total.disbursed };
  let unallocated: PartRow = { ...split.unallocated, code: '', region: null };
  if (f.province) {
    // Filtered to one province: it carries the whole (filtered) total, and so does its region.
    const own = provinces.find((x) => x.p.id === f.province);
    provinces = own ? [own] : [];
    regions = own ? regions.filter((x) => x.r.code === own.p.region_code).map((x) => ({ ...x, row: own.row })) : [];
    total = own ? { committed: own.row.committed, disbursed: own.row.disbursed } : { committed: '0', disbursed: '0' };
    unallocated = emptyPart('');
  }
  const money = allocateMoney([...provinces.map((x) => x.row), unallocated], total);
  const regionMoney = allocateMoney([...regions.map((x) => x.row), unallocated], total);
  return {
    items: provinces.map(({ p, row }, i) => ({
      id: p.id,
      code: p.code,
      name: nameIn(lang, p),
      region: p.region_code,
      ...money[i]!,
      aidRecords: row.records,
      organisations: row.organisations,
    })),
    unallocated: { ...money[money.length - 1]!, aidRecords: unallocated.records, organisations: unallocated.organisations },
    regions: regions.map(({ r, row }, i) => ({
      code: r.code,
      name: nameIn(lang, r),
      ...regionMoney[i]!,
      aidRecords: row.records,
      organisations: row.organisations,
    })),
    total: { committedUsd: roundMoney(total.committed), disbursedUsd: roundMoney(total.disbursed) },
  };
}

/** One year by sector (split by the items' sector shares). Parts add up to the total. */
export async function bySector(db: Db, year: number, f: StatsFilter, lang: Lang) {
  const [split, ref] = await Promise.all([splitByDimension(db, year, f, 'sector'), names(db, [])]);
  const partOf = new Map(split.parts.map((p) => [p.code, p]));
  let sectors = ref.sectors.map((s) => ({ s, row: partOf.get(s.code) ?? emptyPart(s.code) }));
  let total = { committed: split.total.committed, disbursed: split.total.disbursed };
  let unallocated: PartRow = { ...split.unallocated, code: '', region: null };
  if (f.sector) {
    sectors = sectors.filter((x) => x.s.code === f.sector);
    total = sectors[0] ? { committed: sectors[0].row.committed, disbursed: sectors[0].row.disbursed } : { committed: '0', disbursed: '0' };
    unallocated = emptyPart('');
  }
  const money = allocateMoney([...sectors.map((x) => x.row), unallocated], total);
  return {
    items: sectors.map(({ s, row }, i) => ({
      code: s.code,
      name: nameIn(lang, s),
      ...money[i]!,
      aidRecords: row.records,
      organisations: row.organisations,
    })),
    unallocated: { ...money[money.length - 1]!, aidRecords: unallocated.records, organisations: unallocated.organisations },
    total: { committedUsd: roundMoney(total.committed), disbursedUsd: roundMoney(total.disbursed) },
  };
}

/** The exact total of parts that do not overlap (each item has one country and one donor). */
const sumExact = (rows: readonly PartRow[]) => ({
  committed: formatScaled(sumScaled(rows.map((r) => r.committed))),
  disbursed: formatScaled(sumScaled(rows.map((r) => r.disbursed))),
});

/** One year by donor country, largest disbursement first. */
export async function byCountry(db: Db, year: number, f: StatsFilter, lang: Lang) {
  const [rows, ref] = await Promise.all([groupBy(db, year, f, 'country'), names(db, [])]);
  const country = new Map(ref.countries.map((c) => [c.code, c]));
  const money = allocateMoney(rows, sumExact(rows));
  return rows
    .map((r, i) => ({
      code: r.code,
      name: nameIn(lang, country.get(r.code), r.code || '—'),
      ...money[i]!,
      aidRecords: r.records,
      organisations: r.organisations,
    }))
    .sort((a, b) => Number(b.disbursedUsd) - Number(a.disbursedUsd) || a.code.localeCompare(b.code));
}

/** One year by donor NGO: the `limit` largest and the rest together. */
export async function byOrganisation(db: Db, year: number, f: StatsFilter, lang: Lang, limit: number) {
  const rows = await groupBy(db, year, f, 'organisation');
  const money = allocateMoney(rows, sumExact(rows));
  const ranked = rows
    .map((r, i) => ({ r, m: money[i]! }))
    .sort((a, b) => Number(b.m.disbursedUsd) - Number(a.m.disbursedUsd) || a.r.code.localeCompare(b.r.code));
  const top = ranked.slice(0, limit);
  const ref = await names(db, top.map((x) => x.r.code).filter(Boolean));
  const org = new Map(ref.organisations.map((o) => [o.id, o]));
  const rest = ranked.slice(limit);
  const restCents = (key: 'committedUsd' | 'disbursedUsd') => rest.reduce((a, x) => a + toCents(x.m[key]), 0n);
  return {
    items: top.map(({ r, m }) => {
      const o = org.get(r.code);
      return {
        id: r.code || null,
        code: o?.code ?? null,
        name: o ? (lang === 'en' ? (o.name_en ?? o.name_original) : (o.name_vi ?? o.name_original)) : '—',
        country: o?.country_code ?? null,
        ...m,
        aidRecords: r.records,
      };
    }),
    others: {
      count: rest.length,
      committedUsd: centsToString(restCents('committedUsd')),
      disbursedUsd: centsToString(restCents('disbursedUsd')),
      aidRecords: rest.reduce((a, x) => a + x.r.records, 0),
    },
  };
}

/** Year-by-year series ending in `year` (ten years). */
export async function trend(db: Db, year: number, f: StatsFilter, span = 10) {
  const years = Array.from({ length: span }, (_, i) => year - span + 1 + i);
  const refs = years.map((y) => registrationReferenceDate(y, today()));
  const [totals, registered] = await Promise.all([totalsByYear(db, years, f), registeredOn(db, refs, f)]);
  // Years before the first recorded aid are left out rather than drawn as zeros.
  const first = totals.findIndex((t) => t.records > 0 || t.active > 0);
  return totals.slice(Math.max(0, first)).map((t, i) => ({
    year: t.year,
    committedUsd: roundMoney(t.committed),
    disbursedUsd: roundMoney(t.disbursed),
    aidRecords: t.records,
    activeOrganisations: t.active,
    registeredOrganisations: registered.get(refs[Math.max(0, first) + i]!) ?? null,
  }));
}
