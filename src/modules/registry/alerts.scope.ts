/**
 * Scope alerts: certificates whose validity now exceeds the home-country term (D58 Art. 9.1), and aid recorded in a
 * province or field outside the organisation's certificates (Art. 8.1). SQL narrows the candidates in the actor's
 * scope; the domain (src/domain/registration) decides, reading the certificates as of the relevant dates.
 */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '@db/types';
import { aidOutsideScope, certificatesBeyondHomeTerm, type CertificateRecord } from '@domain/registration';
import { aidScopeCondition } from '@modules/aid/aid.policy';
import type { Actor } from '@modules/auth/actor';
import { eventsOf, toDomainEvent } from './certificates.repository';
import type { alertView } from './certificates.schemas';
import { organisationScope } from './registry.policy';

type AlertView = z.infer<typeof alertView>;

/** Fields an alert of one kind leaves empty. */
const EMPTY = {
  daysLeft: null,
  bucket: null,
  filingDeadline: null,
  overdue: null,
  homeTermUntil: null,
  aidItemId: null,
  aidItemCode: null,
  outsideProvinceIds: [],
  outsideSectorCodes: [],
} satisfies Partial<AlertView>;

/** Certificates in the actor's scope, still to run on `today`, whose current expiry is after the home term. */
export async function homeTermAlerts(db: Kysely<Database>, actor: Actor, today: string): Promise<AlertView[]> {
  const scope = organisationScope(actor);
  const { rows } = await sql<{
    id: string;
    type: AlertView['type'] & string;
    number: string;
    organisation_id: string;
    name_original: string;
    name_vi: string | null;
    home_term_until: string;
  }>`
    select c.id, c.type, c.number, c.organisation_id, o.name_original, o.name_vi, o.home_term_until
    from certificates c
    join organisations o on o.id = c.organisation_id
    where o.home_term_until is not null
      and (select v.valid_until from certificate_versions v where v.certificate_id = c.id order by v.version desc limit 1)
        > greatest(o.home_term_until, ${today}::date - 1)
      and ${scope ?? sql`true`}
    order by o.name_original, c.number`.execute(db);
  const events = await eventsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.flatMap((row) => {
    const record: CertificateRecord = { id: row.id, type: row.type, events: (events.get(row.id) ?? []).map(toDomainEvent) };
    return certificatesBeyondHomeTerm([record], row.home_term_until, today).map((found) => ({
      ...EMPTY,
      kind: 'EXCEEDS_HOME_TERM' as const,
      certificateId: row.id,
      certificateNumber: row.number,
      type: row.type,
      organisationId: row.organisation_id,
      organisationName: row.name_original,
      organisationNameVi: row.name_vi,
      validUntil: found.validUntil,
      homeTermUntil: found.homeTermUntil,
    }));
  });
}

/**
 * Live aid items (pipeline, approved, implementing) of registered organisations, in the actor's aid scope, whose
 * provinces or fields lie outside the organisation's certificates in force during the aid's own dates (no SQL
 * pre-filter: a province listed by some version may still be outside the version in force at the time).
 */
export async function aidScopeAlerts(db: Kysely<Database>, actor: Actor, today: string): Promise<AlertView[]> {
  const { rows } = await sql<{
    id: string;
    code: string;
    organisation_id: string;
    name_original: string;
    name_vi: string | null;
    start: string;
    end: string;
    province_ids: string[];
    sector_codes: string[];
  }>`
    select i.id, i.code, i.organisation_id, o.name_original, o.name_vi,
      to_char(coalesce(i.actual_start, i.planned_start, i.approval_date, ${today}::date), 'YYYY-MM-DD') as start,
      to_char(coalesce(i.actual_end, i.planned_end, i.actual_start, i.planned_start, i.approval_date, ${today}::date), 'YYYY-MM-DD') as end,
      array(select l.province_id from aid_locations l where l.aid_item_id = i.id) as province_ids,
      array(select s.sector_code from aid_sectors s where s.aid_item_id = i.id) as sector_codes
    from aid_items i
    join organisations o on o.id = i.organisation_id
    where i.status in ('PIPELINE', 'APPROVED', 'IMPLEMENTING')
      and ${aidScopeCondition(actor, 'i')}
    order by o.name_original, i.code`.execute(db);
  if (rows.length === 0) return [];
  const organisations = [...new Set(rows.map((r) => r.organisation_id))];
  const [certificates, provinces] = await Promise.all([
    db.selectFrom('certificates').select(['id', 'type', 'organisation_id']).where('organisation_id', 'in', organisations).execute(),
    db.selectFrom('provinces').select(['id', 'rolls_up_to']).execute(),
  ]);
  const events = await eventsOf(
    db,
    certificates.map((c) => c.id),
  );
  const byOrganisation = new Map<string, CertificateRecord[]>();
  for (const c of certificates) {
    const list = byOrganisation.get(c.organisation_id) ?? [];
    list.push({ id: c.id, type: c.type, events: (events.get(c.id) ?? []).map(toDomainEvent) });
    byOrganisation.set(c.organisation_id, list);
  }
  const rollsUp = new Map(provinces.map((p) => [p.id, p.rolls_up_to]));
  const rollsUpTo = (id: string) => rollsUp.get(id) ?? id;
  return rows.flatMap((row) => {
    const outside = aidOutsideScope(
      { start: row.start, end: row.end, provinceIds: row.province_ids, sectorCodes: row.sector_codes },
      byOrganisation.get(row.organisation_id) ?? [],
      rollsUpTo,
    );
    if (outside.provinceIds.length === 0 && outside.sectorCodes.length === 0) return [];
    return [
      {
        ...EMPTY,
        kind: 'AID_OUTSIDE_CERTIFICATE' as const,
        certificateId: null,
        certificateNumber: null,
        type: null,
        organisationId: row.organisation_id,
        organisationName: row.name_original,
        organisationNameVi: row.name_vi,
        validUntil: null,
        aidItemId: row.id,
        aidItemCode: row.code,
        outsideProvinceIds: outside.provinceIds,
        outsideSectorCodes: outside.sectorCodes,
      },
    ];
  });
}
