import { sql, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '@db/types';
import { vnNameKey } from '@common/text/vn-fold';
import type { z } from 'zod';
import type { bankAccountInput, partnerInput, RepresentativeInput } from './organisations.schemas';
import type { UnknownReference } from './registry-references';
import type { Db } from '@db/transaction';

/** The organisation row with its country names, or undefined when missing or outside `scope`. */
export async function findOrganisation(db: Db, id: string, scope: RawBuilder<SqlBool> | null, options: { lock?: boolean } = {}) {
  let query = db
    .selectFrom('organisations as o')
    .innerJoin('countries as cn', 'cn.code', 'o.country_code')
    .selectAll('o')
    .select(['cn.name_vi as country_vi', 'cn.name_en as country_en'])
    .where('o.id', '=', id);
  if (scope) query = query.where(scope);
  if (options.lock) query = query.forUpdate('o');
  return query.executeTakeFirst();
}
export type OrganisationRecord = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

/** The current representative (with the person), the partners and the bank accounts of an organisation. */
export async function relationsOf(db: Db, organisationId: string) {
  const [representative, partners, bankAccounts] = await Promise.all([
    db
      .selectFrom('organisation_representatives as r')
      .innerJoin('registry_persons as p', 'p.id', 'r.person_id')
      .select([
        'r.id',
        'r.role',
        'r.since',
        'p.id as person_id',
        'p.full_name',
        'p.nationality',
        'p.passport_number',
        'p.date_of_birth',
        'p.email',
        'p.phone',
        'p.address',
      ])
      .where('r.organisation_id', '=', organisationId)
      .where('r.until', 'is', null)
      .executeTakeFirst(),
    db.selectFrom('organisation_partners').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute(),
    db.selectFrom('organisation_bank_accounts').selectAll().where('organisation_id', '=', organisationId).orderBy('bank_name').execute(),
  ]);
  return { representative: representative ?? null, partners, bankAccounts };
}
export type Relations = Awaited<ReturnType<typeof relationsOf>>;

const personValues = (input: RepresentativeInput) => ({
  full_name: input.fullName,
  nationality: input.nationality ?? null,
  passport_number: input.passportNumber ?? null,
  date_of_birth: input.dateOfBirth ?? null,
  email: input.email ?? null,
  phone: input.phone ?? null,
  address: input.address ?? null,
});

/**
 * Sets the current representative. The same person (same name) is updated in place; a different person ends the
 * previous appointment on `today` and starts a new one, so the history of representatives is kept. null ends it.
 */
export async function setRepresentative(
  trx: Transaction<Database>,
  organisationId: string,
  input: RepresentativeInput | null,
  today: string,
): Promise<void> {
  const current = await trx
    .selectFrom('organisation_representatives as r')
    .innerJoin('registry_persons as p', 'p.id', 'r.person_id')
    .select(['r.id', 'r.person_id', 'p.full_name'])
    .where('r.organisation_id', '=', organisationId)
    .where('r.until', 'is', null)
    .executeTakeFirst();
  if (current && input && vnNameKey(current.full_name) === vnNameKey(input.fullName)) {
    await trx
      .updateTable('registry_persons')
      .set({ ...personValues(input), updated_at: new Date() })
      .where('id', '=', current.person_id)
      .execute();
    await trx
      .updateTable('organisation_representatives')
      .set({ role: input.role, since: input.since ?? null })
      .where('id', '=', current.id)
      .execute();
    return;
  }
  if (current) await trx.updateTable('organisation_representatives').set({ until: today }).where('id', '=', current.id).execute();
  if (!input) return;
  const person = await trx.insertInto('registry_persons').values(personValues(input)).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('organisation_representatives')
    .values({ organisation_id: organisationId, person_id: person.id, role: input.role, since: input.since ?? today })
    .execute();
}

/** Replaces the list of Vietnamese partners. */
export async function replacePartners(
  trx: Transaction<Database>,
  organisationId: string,
  partners: z.infer<typeof partnerInput>[],
): Promise<void> {
  await trx.deleteFrom('organisation_partners').where('organisation_id', '=', organisationId).execute();
  if (!partners.length) return;
  await trx
    .insertInto('organisation_partners')
    .values(
      partners.map((p) => ({
        organisation_id: organisationId,
        name: p.name,
        agency_id: p.agencyId ?? null,
        province_id: p.provinceId ?? null,
        note: p.note ?? null,
      })),
    )
    .execute();
}

/** Replaces the list of notified bank accounts. */
export async function replaceBankAccounts(
  trx: Transaction<Database>,
  organisationId: string,
  accounts: z.infer<typeof bankAccountInput>[],
): Promise<void> {
  await trx.deleteFrom('organisation_bank_accounts').where('organisation_id', '=', organisationId).execute();
  if (!accounts.length) return;
  await trx
    .insertInto('organisation_bank_accounts')
    .values(
      accounts.map((a) => ({
        organisation_id: organisationId,
        bank_name: a.bankName,
        account_number: a.accountNumber,
        currency: a.currency ?? null,
        notified_on: a.notifiedOn ?? null,
        closed_on: a.closedOn ?? null,
      })),
    )
    .execute();
}

/** Codes in the given reference lists that do not exist. */
export async function missingReferences(
  db: Db,
  refs: { path: string; table: 'countries' | 'currencies' | 'agencies' | 'provinces'; value: string | null | undefined }[],
): Promise<UnknownReference[]> {
  const unknown: UnknownReference[] = [];
  for (const ref of refs) {
    if (!ref.value) continue;
    const column = ref.table === 'agencies' || ref.table === 'provinces' ? 'id' : 'code';
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(ref.table)} where ${sql.ref(column)} = ${ref.value}`.execute(db);
    if (!rows[0]?.n) unknown.push({ path: ref.path, kind: KIND[ref.table], value: ref.value });
  }
  return unknown;
}

const KIND = { countries: 'country', currencies: 'currency', agencies: 'agency', provinces: 'province' } as const;

/** The next generated organisation code. */
export async function nextOrganisationCode(trx: Transaction<Database>): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval('organisation_code_seq')::text as n`.execute(trx);
  return `PCPNN-${(rows[0]?.n ?? '0').padStart(6, '0')}`;
}
