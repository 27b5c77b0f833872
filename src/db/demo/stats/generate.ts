import { sql, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { calibrate } from './calibrate';
import { DEMO_AS_OF, PART_YEAR_ACTIVE, SEED } from './calendar';
import { insertAid, insertRegistry } from './insert';
import { insertReports } from './reports';
import { assignPlaces, chooseCaoBang, planItems, planTransactions, type ItemPlan } from './plan-aid';
import { planCertificates } from './plan-certificates';
import { planOrganisations } from './plan-organisations';
import { calibratePartYear } from './plan-part-year';
import { planSmallItems } from './plan-small-items';
import { addDays, dateBetween, Prng } from './prng';
import { loadReference } from './reference';

/** Aid in the pipeline for 2027: approved or awaiting approval, no transaction yet. */
function pipelineItems(rng: Prng, active: ItemPlan['org'][], count: number): ItemPlan[] {
  return rng
    .shuffle(active)
    .slice(0, count)
    .map((org, i) => {
      const start = dateBetween(rng, '2027-01-05', '2027-06-30');
      return {
        id: rng.uuid(),
        code: `VT-2027-${String(i + 1).padStart(5, '0')}`,
        org,
        firstYear: 2027,
        lastYear: 2029,
        start,
        end: dateBetween(rng, '2029-06-30', '2029-12-31'),
        approvalDate: rng.chance(0.5) ? dateBetween(rng, '2026-09-01', DEMO_AS_OF) : addDays(start, -30),
        size: org.size,
        locations: [],
        sectors: [],
        caoBang: false,
      };
    });
}

/**
 * Generates the calibrated synthetic registry and aid (see calendar.ts for the published figures it reproduces):
 * ~600 NGOs from 40 countries with certificates since 2012, ~6,000 aid items 2015–2026 plus ~3,400 small one-year
 * items in 2020–2022 (plan-small-items.ts) with locations, sectors, partners and transactions, and the NGOs' annual reports. Deterministic: the same seed gives the same data.
 * @returns counts of what was inserted, for the start-up log
 */
export async function generateStatisticsDemo(trx: Transaction<Database>): Promise<Record<string, number>> {
  const rng = new Prng(SEED);
  const reference = await loadReference(trx);
  const demo = await trx.selectFrom('organisations').select('id').where('code', '=', 'DEMO-0001').executeTakeFirstOrThrow();
  const orgs = planOrganisations(
    rng,
    demo,
    reference.provinces.filter((p) => p.scheme === 'old63'),
  );
  const items = planItems(rng, orgs);
  chooseCaoBang(rng, items);
  const pipeline = pipelineItems(
    rng,
    orgs.filter((o) => o.activeYears.has(2026)),
    60,
  );
  const all = [...items, ...pipeline];
  assignPlaces(rng, all, reference.provinces);
  const small = planSmallItems(items);
  assignPlaces(small.rng, small.items, reference.provinces);
  const planned = [...planTransactions(rng, items), ...planTransactions(small.rng, small.items)];
  calibratePartYear(planned, PART_YEAR_ACTIVE);
  const txs = calibrate(rng, planned, reference.rates, reference.minorUnits);
  const smallIds = new Set(small.items.map((i) => i.id));
  const certs = planCertificates(rng, orgs, new Map(reference.provinces.map((p) => [p.id, p.rollsUpTo])));
  await insertRegistry(trx, orgs, certs);
  await insertAid(
    trx,
    rng,
    reference,
    all,
    txs.filter((t) => !smallIds.has(t.item.id)),
  );
  await insertAid(
    trx,
    small.rng,
    reference,
    small.items,
    txs.filter((t) => smallIds.has(t.item.id)),
  );
  const reports = await insertReports(trx, rng, orgs);
  // Fresh statistics for the planner: the dashboards' first queries run right after seeding.
  // Through the owner's analyze_tables: the runtime role owns no table, and only an owner may ANALYZE one.
  const analysed = ['stats_item_year', 'stats_org_year', 'aid_items', 'aid_locations', 'aid_sectors', 'certificate_status_periods'];
  await sql`select analyze_tables(${analysed}::text[])`.execute(trx);
  return {
    organisations: orgs.length,
    certificates: certs.certificates.length,
    aidItems: all.length + small.items.length,
    transactions: txs.length,
    reports,
  };
}
