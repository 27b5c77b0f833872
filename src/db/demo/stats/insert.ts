import type { Transaction } from 'kysely';
import type { Database } from '@db/types';
import { partnerBySector } from './catalogue';
import { DEMO_AS_OF, NEW_PROVINCES_FROM } from './calendar';
import { bulkInsert } from './bulk';
import type { TxRow } from './calibrate';
import { describeItem, type ItemPlan } from './plan-aid';
import type { CertificateRows } from './plan-certificates';
import type { OrgPlan } from './plan-organisations';
import type { Prng } from './prng';
import { agencyOn, type Reference } from './reference';

/** Inserts the planned organisations (DEMO-0001 exists already) and their certificates. */
export async function insertRegistry(trx: Transaction<Database>, orgs: readonly OrgPlan[], certs: CertificateRows): Promise<void> {
  const fresh = orgs.filter((o) => !o.existing);
  await bulkInsert(
    trx,
    'organisations',
    [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name_original', 'text'],
      ['name_en', 'text'],
      ['name_vi', 'text'],
      ['acronym', 'text'],
      ['country_code', 'text'],
      ['org_type', 'text'],
      ['synthetic', 'boolean'],
    ],
    fresh.map((o) => [
      o.id,
      o.code,
      o.nameEn,
      o.nameEn,
      o.nameVi,
      o.acronym,
      o.country,
      o.nameEn.includes('Foundation') || o.nameEn.includes('Trust') ? 'FOUNDATION' : 'NGO',
      true,
    ]),
  );
  await bulkInsert(
    trx,
    'certificates',
    [
      ['id', 'uuid'],
      ['organisation_id', 'uuid'],
      ['type', 'text'],
      ['number', 'text'],
    ],
    certs.certificates.map((c) => [c.id, c.organisationId, c.type, c.number]),
  );
  await bulkInsert(
    trx,
    'certificate_events',
    [
      ['id', 'uuid'],
      ['certificate_id', 'uuid'],
      ['seq', 'int4'],
      ['kind', 'text'],
      ['effective_date', 'date'],
      ['decision_number', 'text'],
      ['decision_date', 'date'],
      ['legal_ground', 'text'],
      ['changes', 'jsonb'],
    ],
    certs.events.map((e) => [
      e.id,
      e.certificateId,
      e.seq,
      e.kind,
      e.effectiveDate,
      e.decisionNumber,
      e.decisionDate,
      e.legalGround,
      e.changes,
    ]),
  );
  await bulkInsert(
    trx,
    'certificate_versions',
    [
      ['certificate_id', 'uuid'],
      ['version', 'int4'],
      ['effective_from', 'date'],
      ['issue_date', 'date'],
      ['valid_until', 'date'],
      ['office_province_id', 'text'],
      ['province_ids', 'text[]'],
      ['sector_codes', 'text[]'],
      ['event_id', 'uuid'],
    ],
    certs.versions.map((v) => [
      v.certificateId,
      v.version,
      v.effectiveFrom,
      v.issueDate,
      v.validUntil,
      v.officeProvinceId,
      v.provinceIds,
      v.sectorCodes,
      v.eventId,
    ]),
  );
  await bulkInsert(
    trx,
    'certificate_status_periods',
    [
      ['certificate_id', 'uuid'],
      ['organisation_id', 'uuid'],
      ['status', 'text'],
      ['period', 'daterange'],
    ],
    certs.periods.map((p) => [p.certificateId, p.organisationId, p.status, `[${p.from},${p.to ?? ''})`]),
  );
}

/** Inserts aid items with their locations, sectors, partners and (calibrated) transactions. */
export async function insertAid(
  trx: Transaction<Database>,
  rng: Prng,
  reference: Reference,
  items: readonly ItemPlan[],
  txs: readonly TxRow[],
): Promise<void> {
  const province = new Map(reference.provinces.map((p) => [p.id, p]));
  const name = (id: string) => ({ vi: province.get(id)?.nameVi ?? id, en: province.get(id)?.nameEn ?? id });
  const agencyName = new Map(reference.agencies.map((a) => [a.id, a.nameVi]));
  const itemRows: unknown[][] = [];
  const partnerRows: unknown[][] = [];
  for (const item of items) {
    const { titleVi, titleEn, legalBasis } = describeItem(rng, item, name);
    const sector = item.sectors[0]!.code;
    const single = item.locations.length === 1 ? item.locations[0]!.code : null;
    const governing =
      single && rng.chance(0.7)
        ? `UBND:${item.approvalDate >= NEW_PROVINCES_FROM ? (province.get(single)?.rollsUpTo ?? single) : single}`
        : agencyOn(reference, reference.lineMinistry.get(sector) ?? 'MOHA', item.approvalDate);
    const future = item.firstYear > 2026;
    const status = future
      ? item.approvalDate <= DEMO_AS_OF
        ? 'APPROVED'
        : 'PIPELINE'
      : item.end < DEMO_AS_OF
        ? 'COMPLETED'
        : 'IMPLEMENTING';
    const approved = status !== 'PIPELINE';
    const partner = `${partnerBySector[sector] ?? 'Hội Liên hiệp Phụ nữ'} ${single ? name(single).vi : 'Việt Nam'}`;
    itemRows.push([
      item.id,
      item.code,
      sector === 'TT_KC' && item.lastYear === item.firstYear
        ? 'RELIEF'
        : rng.chance(0.1)
          ? 'NON_PROJECT'
          : rng.chance(0.08)
            ? 'PROGRAMME'
            : 'PROJECT',
      titleVi,
      titleEn,
      item.org.id,
      item.org.country,
      agencyName.has(governing) ? governing : null,
      partner,
      status,
      approved ? `${rng.int(10, 2999)}/QĐ-${governing.startsWith('UBND') ? 'UBND' : 'BCQ'}` : null,
      approved ? item.approvalDate : null,
      approved ? legalBasis : null,
      item.start,
      item.end,
      future ? null : item.start,
      status === 'COMPLETED' ? item.end : null,
      item.org.currency,
      true,
    ]);
    partnerRows.push([item.id, 'FUNDING', item.org.nameEn, item.org.id, null], [item.id, 'IMPLEMENTING', partner, null, null]);
    if (agencyName.has(governing)) partnerRows.push([item.id, 'ACCOUNTABLE', agencyName.get(governing)!, null, governing]);
  }
  await bulkInsert(
    trx,
    'aid_items',
    [
      ['id', 'uuid'],
      ['code', 'text'],
      ['modality', 'text'],
      ['title_vi', 'text'],
      ['title_en', 'text'],
      ['organisation_id', 'uuid'],
      ['donor_country_code', 'text'],
      ['governing_agency_id', 'text'],
      ['aid_owner_name', 'text'],
      ['status', 'text'],
      ['approval_decision_number', 'text'],
      ['approval_date', 'date'],
      ['approval_legal_basis', 'text'],
      ['planned_start', 'date'],
      ['planned_end', 'date'],
      ['actual_start', 'date'],
      ['actual_end', 'date'],
      ['default_currency', 'text'],
      ['synthetic', 'boolean'],
    ],
    itemRows,
  );
  await bulkInsert(
    trx,
    'aid_locations',
    [
      ['aid_item_id', 'uuid'],
      ['province_id', 'text'],
      ['share', 'numeric'],
    ],
    items.flatMap((i) => i.locations.map((l) => [i.id, l.code, l.share])),
  );
  await bulkInsert(
    trx,
    'aid_sectors',
    [
      ['aid_item_id', 'uuid'],
      ['sector_code', 'text'],
      ['share', 'numeric'],
    ],
    items.flatMap((i) => i.sectors.map((s) => [i.id, s.code, s.share])),
  );
  await bulkInsert(
    trx,
    'aid_partners',
    [
      ['aid_item_id', 'uuid'],
      ['role', 'text'],
      ['name', 'text'],
      ['organisation_id', 'uuid'],
      ['agency_id', 'text'],
    ],
    partnerRows,
  );
  await bulkInsert(
    trx,
    'aid_transactions',
    [
      ['aid_item_id', 'uuid'],
      ['kind', 'text'],
      ['tx_date', 'date'],
      ['amount', 'numeric'],
      ['currency', 'text'],
      ['amount_usd', 'numeric'],
      ['amount_vnd', 'numeric'],
      ['rate_date', 'date'],
      ['description', 'text'],
      ['source', 'text'],
    ],
    [...txs]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((t) => [
        t.item.id,
        t.kind,
        t.date,
        t.amount,
        t.currency,
        t.amountUsd,
        t.amountVnd,
        t.rateDate,
        t.kind === 'COMMITMENT' ? 'Cam kết theo quyết định phê duyệt (giả lập)' : 'Giải ngân (giả lập)',
        'DEMO',
      ]),
    10_000,
  );
}
