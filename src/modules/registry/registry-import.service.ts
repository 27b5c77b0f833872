import type { Kysely, Transaction } from 'kysely';
import type { Language } from '@common/i18n/languages';
import type { Database } from '@db/types';
import type { AddWorkingDays, CertificateRecord } from '@domain/registration';
import { isDomainRuleError } from '@domain/rule-error';
import { AppError } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import { eventsOf, toDomainEvent, type CertificateRow } from './certificates.repository';
import {
  issueAnyCertificate,
  recordCertificateEvent,
  type CertificateEventInput,
  type CertificateEventKindInput,
} from './certificates.service';
import { findOrganisation } from './organisations.repository';
import { auditSnapshot } from './organisations.view';
import type { ImportRow } from './registry-import.parse';
import { planImport, type ImportContext, type ImportPlan, type ImportProblem, type OrgPlan } from './registry-import.validate';
import { registryWorkingDays } from './registry-calendar';
import type { LaterDecision } from './registry-import.history';
import { rt, ruleText } from './registry-messages';
import { vnNameKey } from '@common/text/vn-fold';

/** The answer of an import or a dry run. */
export type ImportReport = {
  dryRun: boolean;
  valid: boolean;
  rows: number;
  organisations: { created: number; updated: number };
  /** New certificates, numbers already present, and later decisions (extensions, ends) recorded. */
  certificates: { created: number; skipped: number; decisions: number };
  errors: ImportProblem[];
};

const fold = vnNameKey;

/** Loads the reference lists and what the database holds about the organisations and numbers the file names. */
async function loadContext(db: Kysely<Database>, rows: readonly ImportRow[], lang: Language): Promise<ImportContext> {
  const codes = [...new Set(rows.map((r) => r.values.org_code).filter((c): c is string => !!c))];
  const numbers = [...new Set(rows.map((r) => r.values.certificate_number).filter((n): n is string => !!n))];
  const [countries, provinces, aliases, sectors, orgs, taken] = await Promise.all([
    db.selectFrom('countries').select('code').execute(),
    db.selectFrom('provinces').select(['id', 'rolls_up_to', 'name_vi']).execute(),
    db.selectFrom('province_aliases').select(['alias', 'province_id']).execute(),
    db.selectFrom('sectors').select(['code', 'name_vi', 'name_en']).execute(),
    codes.length ? db.selectFrom('organisations').selectAll().where('code', 'in', codes).execute() : [],
    numbers.length
      ? db
          .selectFrom('certificates as c')
          .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
          .select(['c.number', 'o.code'])
          .where('c.number', 'in', numbers)
          .execute()
      : [],
  ]);
  const byId = new Map(provinces.map((p) => [p.id, { id: p.id, rollsUpTo: p.rolls_up_to }]));
  // Names resolve to the current (new34) unit first: a list typed today names today's provinces.
  const byName = new Map<string, { id: string; rollsUpTo: string }>();
  for (const p of [...provinces].sort((a, b) => (a.id < b.id ? 1 : -1))) byName.set(fold(p.name_vi), byId.get(p.id)!);
  for (const a of aliases) if (!byName.has(fold(a.alias))) byName.set(fold(a.alias), byId.get(a.province_id)!);
  const sectorBy = new Map<string, string>();
  for (const s of sectors) for (const key of [s.code, s.name_vi, s.name_en]) sectorBy.set(fold(key), s.code);

  const certRows = orgs.length
    ? ((await db
        .selectFrom('certificates')
        .selectAll()
        .where(
          'organisation_id',
          'in',
          orgs.map((o) => o.id),
        )
        .execute()) as CertificateRow[])
    : [];
  const events = await eventsOf(
    db,
    certRows.map((c) => c.id),
  );
  const codeOf = new Map(orgs.map((o) => [o.id, o.code]));
  const certificates = new Map<string, CertificateRecord[]>();
  for (const c of certRows) {
    const code = codeOf.get(c.organisation_id)!;
    certificates.set(code, [
      ...(certificates.get(code) ?? []),
      { id: c.id, type: c.type, events: (events.get(c.id) ?? []).map(toDomainEvent) },
    ]);
  }
  return {
    lang,
    countries: new Set(countries.map((c) => c.code)),
    province: (value) => byId.get(value.trim()) ?? byName.get(fold(value)),
    sector: (value) => sectorBy.get(fold(value)),
    organisations: new Map(
      orgs.map((o) => [o.code, { id: o.id, home_term_until: o.home_term_until, values: { ...o, country: o.country_code } }]),
    ),
    numbers: new Map(taken.map((t) => [t.number, t.code])),
    certificates,
    certificateIds: new Map(certRows.map((c) => [c.number, c.id])),
    addWorkingDays: await registryWorkingDays(db),
  };
}

const orgColumns = (org: OrgPlan) => {
  const v = org.values;
  const values: Record<string, string> = {};
  const map: [keyof OrgPlan['values'], string][] = [
    ['name_original', 'name_original'],
    ['name_en', 'name_en'],
    ['name_vi', 'name_vi'],
    ['acronym', 'acronym'],
    ['country', 'country_code'],
    ['org_type', 'org_type'],
    ['hq_address', 'hq_address'],
    ['website', 'website'],
    ['email', 'email'],
    ['home_term_until', 'home_term_until'],
  ];
  for (const [from, to] of map)
    if (v[from] !== undefined) values[to] = from === 'country' || from === 'org_type' ? v[from]!.toUpperCase() : v[from]!;
  return values;
};

/** Writes the plan in one transaction: organisations first (created or updated), then the certificates by issue date. */
async function apply(
  trx: Transaction<Database>,
  ctx: WriteContext,
  plan: ImportPlan,
  lang: Language,
  workingDays: AddWorkingDays,
): Promise<void> {
  const ids = new Map<string, string>();
  for (const org of plan.organisations) {
    const values = orgColumns(org);
    if (org.existingId) {
      ids.set(org.code, org.existingId);
      if (!org.changed) continue;
      const before = await findOrganisation(trx, org.existingId, null, { lock: true });
      await trx
        .updateTable('organisations')
        .set({ ...values, updated_at: new Date(), version: before!.version + 1 })
        .where('id', '=', org.existingId)
        .execute();
      const after = await findOrganisation(trx, org.existingId, null);
      await writeAudit(trx, ctx, {
        action: 'organisation.import_update',
        entityType: 'organisation',
        entityId: org.existingId,
        before: await auditSnapshot(trx, before!),
        after: await auditSnapshot(trx, after!),
      });
      continue;
    }
    const row = await trx
      .insertInto('organisations')
      .values({ ...values, code: org.code, name_original: values.name_original!, country_code: values.country_code! })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(org.code, row.id);
    const created = await findOrganisation(trx, row.id, null);
    await writeAudit(trx, ctx, {
      action: 'organisation.import_create',
      entityType: 'organisation',
      entityId: row.id,
      after: await auditSnapshot(trx, created!),
    });
  }
  const later = async (row: number, certificateId: string, decisions: readonly LaterDecision[]) => {
    for (const { event } of decisions) {
      const input: CertificateEventInput = {
        kind: event.kind as CertificateEventKindInput,
        effectiveDate: event.effectiveDate,
        decisionNumber: event.decisionNumber,
        decisionDate: event.decisionDate,
        legalGround: event.legalGround,
        note: rt(lang, 'import.note', { row }),
      };
      if (event.changes?.validUntil) input.changes = { validUntil: event.changes.validUntil };
      await recordCertificateEvent(trx, ctx, certificateId, input, workingDays, { notifyAgencies: false });
    }
  };
  for (const cert of [...plan.certificates].sort((a, b) =>
    a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.row - b.row,
  )) {
    await rowByRow(cert.row, lang, async () => {
      const { certificateId } = await issueAnyCertificate(trx, ctx, {
        ...cert,
        organisationId: ids.get(cert.orgCode)!,
        officeProvinceId: cert.officeProvinceId ?? undefined,
      });
      await later(cert.row, certificateId, cert.later);
    });
  }
  for (const update of plan.updates) await rowByRow(update.row, lang, () => later(update.row, update.certificateId, update.later));
}

/** Runs one row's writes; a rule the plan could not see (a concurrent write) still rolls back everything, row named. */
async function rowByRow(row: number, lang: Language, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    const message = isDomainRuleError(error) ? ruleText(lang, error.code) : error instanceof AppError ? error.code : String(error);
    throw new AppError('import_rejected', { details: { errors: [{ row, column: 'certificate_number', code: 'rule', message }] } });
  }
}

/**
 * Imports a legacy list (organisations and their certificates): all or nothing. Every row is checked first; with
 * any problem nothing is written and the report lists each one (row, column, message in the request's language).
 * A dry run only reports. Organisations are matched by code (updated when a value differs), certificates by
 * number (an existing one of the same organisation is skipped, so re-importing a file is harmless).
 * @throws AppError 422 `import_rejected` (details: the report) when a real import has problems
 */
export async function importRegistry(
  db: Kysely<Database>,
  ctx: WriteContext,
  rows: readonly ImportRow[],
  options: { dryRun: boolean; lang: Language },
): Promise<ImportReport> {
  const context = await loadContext(db, rows, options.lang);
  const plan = planImport(rows, context);
  const report: ImportReport = {
    dryRun: options.dryRun,
    valid: plan.problems.length === 0,
    rows: rows.length,
    organisations: {
      created: plan.organisations.filter((o) => !o.existingId).length,
      updated: plan.organisations.filter((o) => o.existingId && o.changed).length,
    },
    certificates: {
      created: plan.certificates.length,
      skipped: plan.skipped,
      decisions: [...plan.certificates, ...plan.updates].reduce((n, c) => n + c.later.length, 0),
    },
    errors: plan.problems,
  };
  if (options.dryRun) return report;
  if (!report.valid) throw new AppError('import_rejected', { details: report });
  await db.transaction().execute(async (trx) => {
    await apply(trx, ctx, plan, options.lang, context.addWorkingDays);
    await writeAudit(trx, ctx, {
      action: 'registry.import',
      entityType: 'registry',
      entityId: null,
      after: { rows: report.rows, organisations: report.organisations, certificates: report.certificates },
    });
  });
  return report;
}
