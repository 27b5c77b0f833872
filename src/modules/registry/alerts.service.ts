import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '@db/types';
import { addDays, certificateAlerts, EXPIRY_BUCKETS } from '@domain/registration';
import type { Actor } from '@modules/auth/actor';
import { aidScopeAlerts, homeTermAlerts } from './alerts.scope';
import { eventsOf, toDomainEvent } from './certificates.repository';
import type { alertView } from './certificates.schemas';
import { organisationScope } from './registry.policy';

type AlertView = z.infer<typeof alertView>;

/** Statuses of the procedures module's dossiers that mean "an extension was asked for and is still alive". */
const LIVE_DOSSIER = sql`d.status not in ('DRAFT', 'WITHDRAWN', 'REJECTED')`;

/**
 * Every registry alert for `today`: expiry and extension filing ({@link expiryAlerts}), validity beyond the home
 * term and aid outside the certificate (alerts.scope.ts), in the actor's scope.
 */
export async function registryAlerts(db: Kysely<Database>, actor: Actor, today: string): Promise<AlertView[]> {
  const [expiry, homeTerm, aid] = await Promise.all([
    expiryAlerts(db, actor, today),
    homeTermAlerts(db, actor, today),
    aidScopeAlerts(db, actor, today),
  ]);
  return [...expiry, ...homeTerm, ...aid];
}

/**
 * Expiry alerts for `today` (certificates in force whose last day is at most 90 days away, bucketed 30/60/90) and
 * "extension dossier not filed" alerts (today ≥ expiry − 60 days), computed by the domain's `certificateAlerts`.
 * SQL only narrows the candidates: certificates in force today whose current expiry is within 90 days, in the
 * actor's scope. An extension counts as filed when, after the current term began (issue or last extension), an
 * officer recorded the filing or the procedures module holds a live EXTEND dossier for the certificate.
 */
async function expiryAlerts(db: Kysely<Database>, actor: Actor, today: string): Promise<AlertView[]> {
  const horizon = addDays(today, Math.max(...EXPIRY_BUCKETS));
  const scope = organisationScope(actor);
  const { rows: hasDossiers } = await sql<{ present: boolean }>`select to_regclass('public.dossiers') is not null as present`.execute(db);
  const dossierFiled = hasDossiers[0]?.present
    ? sql`exists (select 1 from dossiers d where d.certificate_id = c.id and d.procedure_code in ('EXTEND_GDKHD', 'EXTEND_GDKVPDD')
        and d.submitted_on >= t.term_start and ${LIVE_DOSSIER})`
    : sql`false`;
  const { rows } = await sql<{
    id: string;
    type: NonNullable<AlertView['type']>;
    number: string;
    organisation_id: string;
    name_original: string;
    name_vi: string | null;
    filed: boolean;
  }>`
    select c.id, c.type, c.number, c.organisation_id, o.name_original, o.name_vi,
      (coalesce(c.extension_filed_on >= t.term_start, false) or ${dossierFiled}) as filed
    from certificates c
    join organisations o on o.id = c.organisation_id
    cross join lateral (select max(e.effective_date) as term_start from certificate_events e
      where e.certificate_id = c.id and e.kind in ('ISSUED', 'EXTENDED')) t
    where exists (select 1 from certificate_status_periods sp where sp.certificate_id = c.id
        and sp.period @> ${today}::date and sp.status in ('ACTIVE', 'SUSPENDED'))
      and (select v.valid_until from certificate_versions v where v.certificate_id = c.id order by v.version desc limit 1) <= ${horizon}::date
      and ${scope ?? sql`true`}
    order by o.name_original`.execute(db);
  const events = await eventsOf(
    db,
    rows.map((r) => r.id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const alerts = certificateAlerts(
    rows.map((r) => ({
      certificate: { id: r.id, type: r.type, events: (events.get(r.id) ?? []).map(toDomainEvent) },
      extensionFiled: r.filed,
    })),
    today,
  );
  return alerts.map((a) => {
    const row = byId.get(a.certificateId)!;
    return {
      kind: a.kind,
      certificateId: a.certificateId,
      certificateNumber: row.number,
      type: a.type,
      organisationId: row.organisation_id,
      organisationName: row.name_original,
      organisationNameVi: row.name_vi,
      validUntil: a.validUntil,
      daysLeft: a.kind === 'EXPIRING' ? a.daysLeft : null,
      bucket: a.kind === 'EXPIRING' ? a.bucket : null,
      filingDeadline: a.kind === 'EXTENSION_NOT_FILED' ? a.filingDeadline : null,
      overdue: a.kind === 'EXTENSION_NOT_FILED' ? a.overdue : null,
      homeTermUntil: null,
      aidItemId: null,
      aidItemCode: null,
      outsideProvinceIds: [],
      outsideSectorCodes: [],
    };
  });
}
