/**
 * Art. 25 notices (D58 Art. 25; issue 14 §5): when a certificate is issued, extended, amended, suspended, reinstated
 * or ended, COMINGO tells the ministries of its fields and the People's Committees of its provinces. Each of their
 * officers gets an inbox notice (and an e-mail through the procedures mailer's pass) with the organisation, the
 * decision, the fields, the provinces and the validity. The notice is written in the decision's own transaction, so
 * it exists exactly when the decision does; the agencies' registry scope follows the certificate on the same day.
 */
import en from '@common/i18n/en/registry.json';
import vi from '@common/i18n/vi/registry.json';
import type { CertificateEventKind } from '@domain/registration';
import type { Db } from '@db/transaction';
import { routeAgency } from '@modules/procedures/consultations.service';
import { notify } from '@modules/procedures/inbox.service';

/** Decisions the agencies concerned are told about (a re-issue or a supplement changes nothing they rely on). */
export const NOTIFIED_DECISIONS: ReadonlySet<CertificateEventKind> = new Set([
  'ISSUED',
  'EXTENDED',
  'AMENDED',
  'SUSPENDED',
  'SUSPENSION_LIFTED',
  'TERMINATED',
  'REVOKED',
  'SELF_TERMINATED',
]);

/** One agency concerned by a certificate, routed to the body holding the role today. */
export type ConcernedAgency = { agencyId: string; nameVi: string; nameEn: string; basis: string };

/**
 * The ministries of the fields (the sectors' line ministries) and the People's Committees of the provinces (an
 * old 63-unit province's committee routed to the merged province's), each once, in that order.
 */
export async function concernedAgencies(
  db: Db,
  content: { sectorCodes: readonly string[]; provinceIds: readonly string[] },
  today: string,
): Promise<ConcernedAgency[]> {
  const [agencyRows, sectorRows] = await Promise.all([
    db.selectFrom('agencies').select(['id', 'name_vi', 'name_en', 'successor_id', 'valid_until']).execute(),
    content.sectorCodes.length
      ? db
          .selectFrom('sectors')
          .select(['code', 'line_ministry_id'])
          .where('code', 'in', [...content.sectorCodes])
          .execute()
      : Promise.resolve([]),
  ]);
  const agencies = new Map(agencyRows.map((a) => [a.id, a]));
  const ministryOf = new Map(sectorRows.map((s) => [s.code, s.line_ministry_id]));
  const named = [
    ...content.sectorCodes.map((code) => ({ id: ministryOf.get(code) ?? null, basis: `SECTOR:${code}` })),
    ...content.provinceIds.map((id) => ({ id: `UBND:${id}`, basis: `PROVINCE:${id}` })),
  ];
  const found = new Map<string, ConcernedAgency>();
  for (const n of named) {
    const routed = n.id ? routeAgency(agencies, n.id, today) : undefined;
    if (!routed || found.has(routed.id)) continue;
    found.set(routed.id, { agencyId: routed.id, nameVi: routed.name_vi, nameEn: routed.name_en, basis: n.basis });
  }
  return [...found.values()];
}

/**
 * Puts the Art. 25 notice of one decision in the inbox of every officer of the agencies concerned, inside `trx`.
 * The certificate's content is read as it stands after the decision (its latest version).
 * @returns the agencies told (empty for a decision kind that is not notified)
 */
export async function notifyAgenciesConcerned(
  trx: Db,
  certificateId: string,
  decision: { kind: CertificateEventKind; decisionNumber: string; effectiveDate: string; eventId: string },
): Promise<ConcernedAgency[]> {
  if (!NOTIFIED_DECISIONS.has(decision.kind)) return [];
  const cert = await trx
    .selectFrom('certificate_versions as v')
    .innerJoin('certificates as c', 'c.id', 'v.certificate_id')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select([
      'c.number',
      'c.type',
      'c.organisation_id',
      'o.name_original',
      'v.valid_until',
      'v.issue_date',
      'v.province_ids',
      'v.sector_codes',
    ])
    .where('v.certificate_id', '=', certificateId)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const [provinces, sectors] = await Promise.all([
    cert.province_ids.length
      ? trx.selectFrom('provinces').select(['id', 'name_vi']).where('id', 'in', cert.province_ids).execute()
      : Promise.resolve([]),
    cert.sector_codes.length
      ? trx.selectFrom('sectors').select(['code', 'name_vi', 'name_en']).where('code', 'in', cert.sector_codes).execute()
      : Promise.resolve([]),
  ]);
  const agencies = await concernedAgencies(trx, { sectorCodes: cert.sector_codes, provinceIds: cert.province_ids }, decision.effectiveDate);
  const params = {
    code: cert.number,
    organisation: cert.name_original,
    organisationId: cert.organisation_id,
    decision: decision.kind,
    decisionVi: vi.events[decision.kind],
    decisionEn: en.events[decision.kind],
    decisionNumber: decision.decisionNumber,
    effectiveDate: decision.effectiveDate,
    validFrom: cert.issue_date,
    validUntil: cert.valid_until,
    fieldsVi: sectors.map((s) => s.name_vi).join(', '),
    fieldsEn: sectors.map((s) => s.name_en).join(', '),
    provinces: provinces.map((p) => p.name_vi).join(', '),
  };
  for (const a of agencies) {
    await notify(trx, { agencyId: a.agencyId }, 'CERTIFICATE_NOTICE', null, params, `CERTIFICATE_NOTICE:${decision.eventId}:${a.agencyId}`);
  }
  return agencies;
}
