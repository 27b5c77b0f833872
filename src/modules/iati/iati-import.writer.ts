/**
 * Writes one planned batch inside the apply's transaction (iati-import.service.ts): aid items, their relations,
 * IATI transactions, provenance, likely-duplicate candidates and one audit record per item. Set-based statements
 * (rows passed as one JSON parameter) so that a file of fifty thousand activities costs a few hundred statements.
 *
 * Update rule: the file's values replace the stored ones where the file gives one; what the file does not say
 * (a missing description, no locations, no approval decision) leaves the stored value alone, so an import never
 * erases what Viet Nam recorded. Organisation links set by officers are kept.
 *
 * Money: the item's IATI transactions are replaced by the file's. They are converted exactly as
 * `addTransaction` (src/modules/aid/transactions.service.ts) does, at the latest exchange rate on or before the
 * transaction date, as an exact numeric product, but for the whole batch in one statement: calling it per
 * transaction (three lookups, an insert and an audit row each) made a 200 MB import take minutes.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { writeAuditMany, type WriteContext } from '@modules/audit/audit.writer';
import type { PlannedActivity } from './iati-import.plan';
import { linkedOrganisation, SCALAR_FIELDS } from './iati-import.plan';
import { writeBudgets } from './iati-import.budgets';
import { writeSectorCodes } from './iati-import.sector-codes';

type Trx = Transaction<Database>;
const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

/** A new aid item code in the aid module's form (`VT-<year>-<hex>`), random enough for a million imported items. */
const newCode = (date: string | null) =>
  `VT-${(date ?? new Date().toISOString()).slice(0, 4)}-${randomBytes(6).toString('hex').toUpperCase()}`;

const linked = (p: PlannedActivity) => linkedOrganisation(p.match);

async function insertItems(trx: Trx, creates: PlannedActivity[]): Promise<Map<string, string>> {
  if (creates.length === 0) return new Map();
  const rows = creates.map((p) => {
    const d = p.draft;
    const organisationId = linked(p);
    return {
      ...Object.fromEntries(SCALAR_FIELDS.map((f) => [f, d[f]])),
      code: newCode(d.approval_date ?? d.planned_start ?? d.actual_start),
      iati_identifier: d.identifier,
      approval_legal_basis: d.approval_legal_basis,
      organisation_id: organisationId,
      other_donor_name: organisationId ? null : (d.donor?.name ?? null),
      donor_country_code: p.donorCountry,
      synthetic: p.synthetic,
    };
  });
  const { rows: inserted } = await sql<{ id: string; iati_identifier: string }>`
    insert into aid_items (code, iati_identifier, modality, title_vi, title_en, description_vi, description_en, organisation_id,
      other_donor_name, donor_country_code, status, approval_decision_number, approval_date, approval_legal_basis, planned_start,
      planned_end, actual_start, actual_end, default_currency, synthetic)
    select code, iati_identifier, modality, title_vi, title_en, description_vi, description_en, organisation_id,
      other_donor_name, donor_country_code, status, approval_decision_number, approval_date, approval_legal_basis, planned_start,
      planned_end, actual_start, actual_end, default_currency, synthetic
    from jsonb_to_recordset(${json(rows)}) as v(code text, iati_identifier text, modality text, title_vi text, title_en text,
      description_vi text, description_en text, organisation_id uuid, other_donor_name text, donor_country_code text, status text,
      approval_decision_number text, approval_date date, approval_legal_basis text, planned_start date, planned_end date,
      actual_start date, actual_end date, default_currency text, synthetic boolean)
    returning id, iati_identifier`.execute(trx);
  return new Map(inserted.map((r) => [r.iati_identifier, r.id]));
}

async function updateItems(trx: Trx, updates: PlannedActivity[]): Promise<void> {
  if (updates.length === 0) return;
  const rows = updates.map((p) => ({
    ...Object.fromEntries(SCALAR_FIELDS.map((f) => [f, p.draft[f]])),
    id: p.existing!.id,
    approval_legal_basis: p.draft.approval_legal_basis,
    organisation_id: linked(p),
    other_donor_name: p.draft.donor?.name ?? null,
  }));
  await sql`
    update aid_items i set
      modality = v.modality, status = v.status, title_vi = v.title_vi,
      title_en = coalesce(v.title_en, i.title_en), description_vi = coalesce(v.description_vi, i.description_vi),
      description_en = coalesce(v.description_en, i.description_en), planned_start = coalesce(v.planned_start, i.planned_start),
      planned_end = coalesce(v.planned_end, i.planned_end), actual_start = coalesce(v.actual_start, i.actual_start),
      actual_end = coalesce(v.actual_end, i.actual_end),
      approval_decision_number = coalesce(v.approval_decision_number, i.approval_decision_number),
      approval_date = coalesce(v.approval_date, i.approval_date),
      approval_legal_basis = coalesce(v.approval_legal_basis, i.approval_legal_basis),
      default_currency = v.default_currency,
      organisation_id = coalesce(i.organisation_id, v.organisation_id),
      other_donor_name = case when coalesce(i.organisation_id, v.organisation_id) is null then v.other_donor_name else i.other_donor_name end,
      updated_at = now(), version = i.version + 1
    from jsonb_to_recordset(${json(rows)}) as v(id uuid, modality text, status text, title_vi text, title_en text, description_vi text,
      description_en text, planned_start date, planned_end date, actual_start date, actual_end date, approval_decision_number text,
      approval_date date, approval_legal_basis text, default_currency text, organisation_id uuid, other_donor_name text)
    where i.id = v.id`.execute(trx);
}

/** Replaces locations, sectors and partners the file lists; partners are linked to organisations by IATI identifier. */
async function replaceRelations(trx: Trx, items: { id: string; p: PlannedActivity }[]): Promise<void> {
  const withLocations = items.filter(({ p }) => p.draft.locations.length);
  const withSectors = items.filter(({ p }) => p.draft.sectors.length);
  const withPartners = items.filter(({ p }) => p.draft.partners.length);
  // Only existing items have relations to replace; a new item has none yet.
  const replace = async (table: 'aid_locations' | 'aid_sectors' | 'aid_partners', list: typeof items) => {
    const ids = list.filter((x) => x.p.existing).map((x) => x.id);
    if (ids.length) await sql`delete from ${sql.table(table)} where aid_item_id = any(${ids}::uuid[])`.execute(trx);
  };
  if (withLocations.length) {
    await replace('aid_locations', withLocations);
    const rows = withLocations.flatMap(({ id, p }) =>
      p.draft.locations.map((l) => ({ aid_item_id: id, province_id: l.key, share: l.share })),
    );
    await sql`insert into aid_locations (aid_item_id, province_id, share)
      select aid_item_id, province_id, share from jsonb_to_recordset(${json(rows)}) as v(aid_item_id uuid, province_id text, share numeric)`.execute(
      trx,
    );
  }
  if (withSectors.length) {
    await replace('aid_sectors', withSectors);
    const rows = withSectors.flatMap(({ id, p }) => p.draft.sectors.map((s) => ({ aid_item_id: id, sector_code: s.key, share: s.share })));
    await sql`insert into aid_sectors (aid_item_id, sector_code, share)
      select aid_item_id, sector_code, share from jsonb_to_recordset(${json(rows)}) as v(aid_item_id uuid, sector_code text, share numeric)`.execute(
      trx,
    );
  }
  if (withPartners.length) {
    await replace('aid_partners', withPartners);
    const rows = withPartners.flatMap(({ id, p }) =>
      p.draft.partners.map((x) => ({ aid_item_id: id, role: x.role, name: x.name, ref: x.ref ?? null })),
    );
    await sql`insert into aid_partners (aid_item_id, role, name, organisation_id)
      select v.aid_item_id, v.role, v.name, (select o.id from organisations o where o.iati_org_id = v.ref)
      from jsonb_to_recordset(${json(rows)}) as v(aid_item_id uuid, role text, name text, ref text)`.execute(trx);
  }
}

/** Replaces the items' IATI transactions by the kept ones (see the module comment for the conversion). */
async function replaceTransactions(trx: Trx, items: { id: string; p: PlannedActivity }[]): Promise<void> {
  const replaced = items.filter(({ p }) => p.existing && !p.existing.reported_money).map(({ id }) => id);
  if (replaced.length)
    await sql`delete from aid_transactions where source = 'IATI' and aid_item_id = any(${replaced}::uuid[])`.execute(trx);
  const rows = items.flatMap(({ id, p }) =>
    p.keep.map((t) => ({
      aid_item_id: id,
      kind: t.kind,
      tx_date: t.date,
      value_date: t.valueDate ?? null,
      amount: t.amount,
      currency: t.currency,
      description: t.description ?? null,
    })),
  );
  if (rows.length === 0) return;
  const result = await sql`
    insert into aid_transactions (aid_item_id, kind, tx_date, amount, currency, amount_usd, amount_vnd, rate_date, description, source)
    select v.aid_item_id, v.kind, v.tx_date, v.amount, v.currency, v.amount * r.usd_per_unit, v.amount * r.vnd_per_unit, r.rate_date, v.description, 'IATI'
    from jsonb_to_recordset(${json(rows)}) as v(aid_item_id uuid, kind text, tx_date date, value_date date, amount numeric, currency text,
      description text)
    join lateral (select e.rate_date, e.usd_per_unit, e.vnd_per_unit from exchange_rates e
                  where e.currency = v.currency and e.rate_date <= coalesce(v.value_date, v.tx_date)
                  order by e.rate_date desc limit 1) r on true`.execute(trx);
  // The plan only keeps convertible transactions; a difference means the rates changed under us: refuse it all.
  if (Number(result.numAffectedRows ?? 0) !== rows.length) throw new Error('an exchange rate disappeared during the import');
}

async function writeProvenance(trx: Trx, importId: string | null, items: { id: string; p: PlannedActivity }[]): Promise<void> {
  const rows = items.map(({ id, p }) => ({
    aid_item_id: id,
    iati_identifier: p.draft.identifier,
    import_id: importId,
    reporting_org_ref: p.draft.reportingOrg.ref || null,
    reporting_org_type: p.draft.reportingOrg.type || null,
    reporting_org_name_vi: p.draft.reportingOrg.nameVi ?? null,
    reporting_org_name_en: p.draft.reportingOrg.nameEn ?? null,
    secondary_reporter: p.draft.reportingOrg.secondaryReporter ?? null,
    donor_ref: p.draft.donor?.ref ?? null,
    donor_name: p.draft.donor?.name ?? null,
    last_updated: p.draft.lastUpdated,
    activity_status: p.draft.publisherStatus,
    narratives: p.draft.narratives,
    participants: p.draft.partners,
    published: p.draft.published,
  }));
  await sql`
    insert into iati_activity_sources as s (aid_item_id, iati_identifier, import_id, reporting_org_ref, reporting_org_type, reporting_org_name_vi,
      reporting_org_name_en, secondary_reporter, donor_ref, donor_name, last_updated, activity_status, narratives, participants, published, imported_at)
    select aid_item_id, iati_identifier, import_id, reporting_org_ref, reporting_org_type, reporting_org_name_vi, reporting_org_name_en,
      secondary_reporter, donor_ref, donor_name, last_updated, activity_status, narratives, participants, published, now()
    from jsonb_to_recordset(${json(rows)}) as v(aid_item_id uuid, iati_identifier text, import_id uuid, reporting_org_ref text,
      reporting_org_type text, reporting_org_name_vi text, reporting_org_name_en text, secondary_reporter boolean, donor_ref text,
      donor_name text, last_updated text, activity_status text, narratives jsonb, participants jsonb, published jsonb)
    on conflict (aid_item_id) do update set iati_identifier = excluded.iati_identifier, import_id = excluded.import_id,
      reporting_org_ref = excluded.reporting_org_ref, reporting_org_type = excluded.reporting_org_type,
      reporting_org_name_vi = excluded.reporting_org_name_vi, reporting_org_name_en = excluded.reporting_org_name_en,
      secondary_reporter = excluded.secondary_reporter, donor_ref = excluded.donor_ref, donor_name = excluded.donor_name,
      last_updated = excluded.last_updated, activity_status = excluded.activity_status, narratives = excluded.narratives, participants = excluded.participants, published = excluded.published, imported_at = now()`.execute(
    trx,
  );
}

/** Likely duplicates become candidates for a person to confirm or reject (once per publisher and organisation). */
async function recordCandidates(trx: Trx, importId: string | null, planned: PlannedActivity[]): Promise<void> {
  const rows = planned.flatMap((p) =>
    p.match.kind === 'likely' && p.draft.donor
      ? [
          {
            iati_ref: p.draft.donor.ref ?? null,
            name: p.draft.donor.name,
            organisation_id: p.match.hit.organisationId,
            score: p.match.hit.score,
            import_id: importId,
          },
        ]
      : [],
  );
  if (rows.length === 0) return;
  await sql`
    insert into iati_org_candidates (iati_ref, name, organisation_id, score, import_id)
    select distinct on (coalesce(iati_ref, ''), vn_fold(name), organisation_id) iati_ref, name, organisation_id, score, import_id
    from jsonb_to_recordset(${json(rows)}) as v(iati_ref text, name text, organisation_id uuid, score numeric, import_id uuid)
    on conflict ((coalesce(iati_ref, '')), (vn_fold(name)), organisation_id) do nothing`.execute(trx);
}

/**
 * Writes one planned batch (see the module comment); every item gets its audit record in the same transaction.
 * @returns the ids of the aid items written (created or changed), whose statistics a deferred apply recomputes
 */
export async function writeBatch(trx: Trx, ctx: WriteContext, importId: string | null, planned: PlannedActivity[]): Promise<string[]> {
  const creates = planned.filter((p) => !p.existing);
  // An item the file does not change is not written again (no new version, no audit record): only its provenance
  // (what the publisher published, for the gap report) is refreshed.
  const updates = planned.filter((p) => p.existing && p.changes.length > 0);
  const created = await insertItems(trx, creates);
  await updateItems(trx, updates);
  const all = planned.map((p) => ({ id: p.existing?.id ?? created.get(p.draft.identifier)!, p }));
  const items = all.filter(({ p }) => !p.existing || p.changes.length > 0);
  await replaceRelations(trx, items);
  await replaceTransactions(trx, items);
  await writeBudgets(trx, items);
  await writeSectorCodes(trx, items);
  await writeProvenance(trx, importId, all);
  await recordCandidates(trx, importId, planned);
  await writeAuditMany(
    trx,
    ctx,
    items.map(({ id, p }) => ({
      action: p.existing ? 'aid_item.iati_update' : 'aid_item.iati_create',
      entityType: 'aid_item',
      entityId: id,
      before: p.existing ? { ...p.existing, changes: p.changes } : null,
      after: {
        iatiIdentifier: p.draft.identifier,
        importId,
        ...Object.fromEntries(SCALAR_FIELDS.map((f) => [f, p.draft[f]])),
        organisationId: linked(p),
        locations: p.draft.locations,
        sectors: p.draft.sectors,
        partners: p.draft.partners.map((x) => `${x.role} ${x.name}`),
        transactions: p.keep,
        budgets: p.draft.budgets,
        plannedDisbursements: p.draft.plannedDisbursements,
        sectorCodes: p.draft.sectorCodes,
        leftOut: p.leftOut,
      },
    })),
  );
  return items.map(({ id }) => id);
}
