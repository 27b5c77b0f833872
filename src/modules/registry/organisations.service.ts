import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Language } from '@common/i18n/languages';
import type { Database, OrganisationTable } from '@db/types';
import { AppError, forbidden, notFound } from '@errors/app-error';
import { writeAudit, type WriteContext } from '@modules/audit/audit.writer';
import type { Actor } from '@modules/auth/actor';
import { staleEditError } from './organisation-changes';
import {
  findOrganisation,
  missingReferences,
  nextOrganisationCode,
  replaceBankAccounts,
  replacePartners,
  setRepresentative,
  type OrganisationRecord,
} from './organisations.repository';
import type { ContactsBody, CreateOrganisationBody, OrganisationView, UpdateOrganisationBody } from './organisations.schemas';
import { auditSnapshot, presentOrganisation } from './organisations.view';
import { organisationScope } from './registry.policy';
import { vietnamToday } from '@common/time/vietnam-today';
import { vnNameKey } from '@common/text/vn-fold';
import { addressChanged, recordDataChange } from '@modules/supervision/data-changes';
import { registryWorkingDays } from './registry-calendar';
import { unknownReferenceError } from './registry-references';
import type { Db } from '@db/transaction';

type Fields = Partial<Omit<CreateOrganisationBody, 'code' | 'representative' | 'partners' | 'bankAccounts'>>;

/** Column values of the organisation fields present in `body` (absent = unchanged). */
function columns(body: Fields): Updateable<OrganisationTable> & { contact_address?: string | null } {
  const map: [keyof Fields, string][] = [
    ['nameOriginal', 'name_original'],
    ['nameEn', 'name_en'],
    ['nameVi', 'name_vi'],
    ['acronym', 'acronym'],
    ['countryCode', 'country_code'],
    ['orgType', 'org_type'],
    ['hqAddress', 'hq_address'],
    ['legalStatus', 'legal_status'],
    ['homeTermUntil', 'home_term_until'],
    ['website', 'website'],
    ['email', 'email'],
    ['phone', 'phone'],
    ['contactAddress', 'contact_address'],
    ['mission', 'mission'],
    ['iatiOrgId', 'iati_org_id'],
    ['staffForeign', 'staff_foreign'],
    ['staffLocal', 'staff_local'],
  ];
  const values: Record<string, unknown> = {};
  for (const [field, column] of map) if (body[field] !== undefined) values[column] = body[field] === '' ? null : body[field];
  return values;
}

/** 400 listing every unknown country, currency, agency or province the body names. */
async function checkReferences(db: Db, body: Partial<CreateOrganisationBody>): Promise<void> {
  const issues = await missingReferences(db, [
    { path: 'body.countryCode', table: 'countries', value: body.countryCode },
    { path: 'body.representative.nationality', table: 'countries', value: body.representative?.nationality },
    ...(body.partners ?? []).flatMap((p, i) => [
      { path: `body.partners.${i}.agencyId`, table: 'agencies' as const, value: p.agencyId },
      { path: `body.partners.${i}.provinceId`, table: 'provinces' as const, value: p.provinceId },
    ]),
    ...(body.bankAccounts ?? []).map((a, i) => ({
      path: `body.bankAccounts.${i}.currency`,
      table: 'currencies' as const,
      value: a.currency,
    })),
  ]);
  if (issues.length) throw unknownReferenceError(issues);
}

/** Writes the related lists the body carries. */
async function writeRelations(trx: Transaction<Database>, id: string, body: Partial<CreateOrganisationBody>, today: string): Promise<void> {
  if (body.representative !== undefined) await setRepresentative(trx, id, body.representative, today);
  if (body.partners !== undefined) await replacePartners(trx, id, body.partners);
  if (body.bankAccounts !== undefined) await replaceBankAccounts(trx, id, body.bankAccounts);
}

async function mustFind(db: Db, id: string, actor: Actor | null, options: { lock?: boolean } = {}): Promise<OrganisationRecord> {
  const org = await findOrganisation(db, id, actor ? organisationScope(actor) : null, options);
  if (!org) throw notFound('organisation');
  return org;
}

/** One organisation as the actor may see it (404 outside the actor's scope). */
export async function getOrganisation(db: Kysely<Database>, actor: Actor, id: string): Promise<OrganisationView> {
  return presentOrganisation(db, await mustFind(db, id, actor), actor, vietnamToday(), await registryWorkingDays(db));
}

/**
 * Creates an organisation with its representative, partners and bank accounts, in one audited transaction.
 * @throws AppError 409 `already_exists` for a code or IATI identifier in use; 400 for unknown reference codes
 */
export async function createOrganisation(db: Kysely<Database>, ctx: WriteContext, body: CreateOrganisationBody): Promise<OrganisationView> {
  await checkReferences(db, body);
  const workingDays = await registryWorkingDays(db);
  return db.transaction().execute(async (trx) => {
    const code = body.code ?? (await nextOrganisationCode(trx));
    const clash = await trx
      .selectFrom('organisations')
      .select(['code', 'iati_org_id'])
      .where((eb) => eb.or([eb('code', '=', code), ...(body.iatiOrgId ? [eb('iati_org_id', '=', body.iatiOrgId)] : [])]))
      .executeTakeFirst();
    if (clash) throw new AppError('already_exists', { details: { field: clash.code === code ? 'code' : 'iatiOrgId' } });
    const values = columns(body);
    const row = await trx
      .insertInto('organisations')
      .values({ ...values, code, name_original: body.nameOriginal, country_code: body.countryCode })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeRelations(trx, row.id, body, vietnamToday());
    const org = await mustFind(trx, row.id, null);
    await writeAudit(trx, ctx, {
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: row.id,
      after: await auditSnapshot(trx, org),
    });
    return presentOrganisation(trx, org, ctx.actor, vietnamToday(), workingDays);
  });
}

/** Applies a versioned change; a stale version gets the 409 that says what changed in between. */
async function versionedUpdate(
  db: Kysely<Database>,
  ctx: WriteContext,
  id: string,
  version: number,
  lang: Language,
  action: string,
  apply: (trx: Transaction<Database>, org: OrganisationRecord) => Promise<void>,
): Promise<OrganisationView> {
  const actor = ctx.actor;
  const workingDays = await registryWorkingDays(db);
  return db.transaction().execute(async (trx) => {
    const before = await mustFind(trx, id, actor, { lock: true });
    if (before.version !== version)
      throw await staleEditError(trx, id, version, await presentOrganisation(trx, before, actor, vietnamToday(), workingDays), lang);
    const beforeSnapshot = await auditSnapshot(trx, before);
    await apply(trx, before);
    await trx
      .updateTable('organisations')
      .set({ updated_at: new Date(), version: before.version + 1 })
      .where('id', '=', id)
      .execute();
    const after = await mustFind(trx, id, null);
    await writeAudit(trx, ctx, {
      action,
      entityType: 'organisation',
      entityId: id,
      before: beforeSnapshot,
      after: await auditSnapshot(trx, after),
    });
    return presentOrganisation(trx, after, actor, vietnamToday(), workingDays);
  });
}

/**
 * The O4 data changes an edit makes (issue 14 §1): a new office address, or a new representative without a start
 * date (a start date is derived from the representative itself); see src/modules/supervision/data-changes.ts.
 */
async function recordDataChanges(
  trx: Transaction<Database>,
  ctx: WriteContext,
  before: OrganisationRecord,
  body: { contactAddress?: string | null; representative?: { fullName: string; since?: string | null } | null },
): Promise<void> {
  const today = vietnamToday();
  if (addressChanged(before.contact_address, body.contactAddress))
    await recordDataChange(trx, ctx.actor, before.id, 'OFFICE_ADDRESS', today);
  if (body.representative && !body.representative.since) {
    const current = await trx
      .selectFrom('organisation_representatives as r')
      .innerJoin('registry_persons as p', 'p.id', 'r.person_id')
      .select('p.full_name')
      .where('r.organisation_id', '=', before.id)
      .where('r.until', 'is', null)
      .executeTakeFirst();
    if (!current || vnNameKey(current.full_name) !== vnNameKey(body.representative.fullName))
      await recordDataChange(trx, ctx.actor, before.id, 'REPRESENTATIVE', today);
  }
}

/** Officer edit of any field and of the related lists (admin, central). */
export async function updateOrganisation(
  db: Kysely<Database>,
  ctx: WriteContext,
  id: string,
  body: UpdateOrganisationBody,
  lang: Language,
): Promise<OrganisationView> {
  await checkReferences(db, body);
  return versionedUpdate(db, ctx, id, body.version, lang, 'organisation.update', async (trx, before) => {
    const values = columns(body);
    if (body.iatiOrgId) {
      const clash = await trx
        .selectFrom('organisations')
        .select('id')
        .where('iati_org_id', '=', body.iatiOrgId)
        .where('id', '<>', id)
        .executeTakeFirst();
      if (clash) throw new AppError('already_exists', { details: { field: 'iatiOrgId' } });
    }
    if (Object.keys(values).length) await trx.updateTable('organisations').set(values).where('id', '=', id).execute();
    await recordDataChanges(trx, ctx, before, body);
    await writeRelations(trx, id, body, vietnamToday());
  });
}

/** The NGO's own edit: contact fields of its own organisation only, versioned and audited. */
export async function updateOwnContacts(
  db: Kysely<Database>,
  ctx: WriteContext,
  body: ContactsBody,
  lang: Language,
): Promise<OrganisationView> {
  const organisationId = ctx.actor?.role === 'ngo' ? ctx.actor.organisationId : null;
  if (!organisationId) throw forbidden();
  return versionedUpdate(db, ctx, organisationId, body.version, lang, 'organisation.update_contacts', async (trx, before) => {
    const values = columns({ website: body.website, email: body.email, phone: body.phone, contactAddress: body.contactAddress });
    if (Object.keys(values).length) await trx.updateTable('organisations').set(values).where('id', '=', organisationId).execute();
    await recordDataChanges(trx, ctx, before, body);
  });
}
