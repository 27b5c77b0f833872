import { donorCountries, nameForms, nameQualifiers, nameThemes, sectorWeights } from './catalogue';
import {
  ACTIVE_TARGETS,
  AID_YEARS,
  D58_FROM,
  DEMO_AS_OF,
  EXITS_PER_YEAR,
  HISTORIC_REGION_WEIGHT,
  ORGANISATION_COUNT,
  REGISTERED_IN_2012,
  referenceDay,
} from './calendar';
import { dateBetween, type Prng } from './prng';

export type EndKind = 'EXPIRED' | 'SELF_TERMINATED' | 'TERMINATED';

/** One synthetic foreign NGO: identity, registration window and the years it is regularly active. */
export type OrgPlan = {
  index: number;
  id: string;
  code: string;
  /** DEMO-0001 already exists (the demo NGO account belongs to it); it is not inserted again. */
  existing: boolean;
  nameEn: string;
  nameVi: string;
  acronym: string;
  country: string;
  currency: string;
  /** Relative size: how many aid items it runs at once and how large they are. */
  size: number;
  propensity: number;
  regStart: string;
  /** First day no longer registered; null while registered. */
  regEnd: string | null;
  endKind: EndKind | null;
  /** A representative office (GDKVPDD) in Hà Nội, Đà Nẵng or TP HCM, instead of an operation certificate. */
  officeProvince: string | null;
  homeProvinces: string[];
  sectors: string[];
  activeYears: Set<number>;
};

export type ProvinceRef = {
  id: string;
  scheme: 'old63' | 'new34';
  nameVi: string;
  nameEn: string;
  region: string;
  rollsUpTo: string;
  /** The traditional region of a former province (historic_region_provinces), when known. */
  historicRegion?: string | null;
};

const REGION_WEIGHT: Record<string, number> = { TDMNPB: 1.6, DBSH: 1.0, BTBDHMT: 1.2, TN: 1.1, DNB: 0.8, DBSCL: 1.0 };

function uniqueName(rng: Prng, used: Set<string>): [string, string] {
  for (;;) {
    const [themeEn, themeVi] = rng.pick(nameThemes);
    const [formEn, formVi] = rng.pick(nameForms);
    const [qualEn, qualVi] = rng.pick(nameQualifiers);
    const en = `${themeEn} ${formEn}${qualEn}`;
    if (used.has(en)) continue;
    used.add(en);
    return [en, `${formVi} ${themeVi}${qualVi}`];
  }
}

const registeredOn = (org: OrgPlan, day: string) => org.regStart <= day && (org.regEnd === null || org.regEnd > day);

/**
 * Plans the organisations: who registers when, who leaves, and exactly ACTIVE_TARGETS[y] regularly active
 * organisations in each year (the best "propensity" scores among those registered at the year's end).
 */
export function planOrganisations(rng: Prng, demo: { id: string }, oldProvinces: readonly ProvinceRef[]): OrgPlan[] {
  const usedNames = new Set<string>();
  const orgs: OrgPlan[] = [];
  const provinceWeights = oldProvinces.map((p) => ({
    value: p.id,
    weight: (p.historicRegion ? HISTORIC_REGION_WEIGHT[p.historicRegion] : undefined) ?? REGION_WEIGHT[p.region] ?? 1,
  }));
  for (let index = 0; index < ORGANISATION_COUNT; index++) {
    const existing = index === 0;
    // The first organisations take one country each, so all 40 donor countries appear.
    const country = existing
      ? donorCountries.find((c) => c.code === 'GB')!
      : (donorCountries[index - 1] ?? rng.weighted(donorCountries.map((c) => ({ value: c, weight: c.weight }))));
    const [nameEn, nameVi] = existing
      ? ['Helping Hands for Children (synthetic)', 'Tổ chức Cứu trợ trẻ em Bàn Tay (dữ liệu giả lập)']
      : uniqueName(rng, usedNames);
    const regStart = existing
      ? '2014-05-12'
      : index <= REGISTERED_IN_2012
        ? dateBetween(rng, '2012-03-01', '2012-12-20')
        : dateBetween(rng, '2013-01-05', '2026-10-30');
    const homeCount = rng.int(2, 6);
    const homeProvinces = new Set<string>();
    while (homeProvinces.size < homeCount) homeProvinces.add(rng.weighted(provinceWeights));
    const sectorCount = rng.int(1, 3);
    const sectors = new Set<string>();
    while (sectors.size < sectorCount) sectors.add(rng.weighted(sectorWeights));
    orgs.push({
      index,
      id: existing ? demo.id : rng.uuid(),
      code: `DEMO-${String(index + 1).padStart(4, '0')}`,
      existing,
      nameEn,
      nameVi,
      acronym: nameEn.replace(/[^A-Z]/g, '').slice(0, 6) || 'NGO',
      country: country.code,
      currency: country.currency,
      size: Math.min(12, Math.max(1, Math.round(rng.logNormal(0.75) * 1.9))),
      propensity: existing ? 10 : rng.next(),
      regStart,
      regEnd: null,
      endKind: null,
      officeProvince: !existing && rng.chance(0.16) ? rng.pick(['new34:01', 'new34:01', 'new34:79', 'new34:79', 'new34:48']) : null,
      homeProvinces: [...homeProvinces],
      sectors: [...sectors],
      activeYears: new Set(),
    });
  }
  planExits(rng, orgs);
  planActivity(rng, orgs);
  return orgs;
}

/** Removes EXITS_PER_YEAR[y] registered organisations in each year, on a random day of it. */
function planExits(rng: Prng, orgs: OrgPlan[]): void {
  for (const [yearText, count] of Object.entries(EXITS_PER_YEAR)) {
    const year = Number(yearText);
    const lastDay = `${year}-12-31` < DEMO_AS_OF ? `${year}-12-20` : '2026-11-10';
    const candidates = rng.shuffle(orgs.filter((o) => !o.existing && o.regEnd === null && o.regStart < `${year}-01-01`));
    for (const org of candidates.slice(0, count)) {
      org.regEnd = dateBetween(rng, `${year}-01-15`, lastDay);
      const forced = org.regEnd >= D58_FROM && rng.chance(0.1);
      org.endKind = forced ? 'TERMINATED' : rng.chance(0.4) ? 'SELF_TERMINATED' : 'EXPIRED';
    }
  }
}

function planActivity(rng: Prng, orgs: OrgPlan[]): void {
  for (const year of AID_YEARS) {
    const day = referenceDay(year);
    const eligible = orgs.filter((o) => registeredOn(o, day));
    const target = ACTIVE_TARGETS[year]!;
    if (eligible.length < target) throw new Error(`demo plan: ${eligible.length} registered in ${year}, ${target} must be active`);
    const ranked = eligible.map((o) => ({ o, score: o.propensity + 0.3 * rng.next() })).sort((a, b) => b.score - a.score);
    for (const { o } of ranked.slice(0, target)) o.activeYears.add(year);
  }
}

/** Maximal runs of consecutive active years. */
export function activeRuns(org: OrgPlan): [number, number][] {
  const years = [...org.activeYears].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const y of years) {
    const last = runs[runs.length - 1];
    if (last && last[1] === y - 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs;
}
