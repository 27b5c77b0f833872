import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@db/types';
import { PROVINCE_REFORM_DATE } from '@common/time/province-reform';
import { AppError } from '@errors/app-error';
import { referenceCheck } from './certificates.repository';

/** A code the input names that the reference lists do not hold. */
export type UnknownReference = {
  path: string;
  kind: 'province' | 'sector' | 'country' | 'currency' | 'agency' | 'organisation';
  value: string;
};

/**
 * The 400 for unknown reference codes: the message comes from the error table in the request's language with the
 * codes as a parameter, and each issue says which field, what kind of code and which value, with no language-bound
 * text (its `message` is the value itself), so a client in either language can word it.
 */
export function unknownReferenceError(refs: readonly UnknownReference[]): AppError {
  return new AppError('unknown_reference', {
    params: { codes: [...new Set(refs.map((r) => r.value))].join(', ') },
    details: { issues: refs.map((r) => ({ path: r.path, code: `unknown_${r.kind}`, value: r.value, message: r.value })) },
  });
}

/**
 * Checks that every province and sector exists (400 listing each unknown one) and returns the office province to
 * store: as recorded on the certificate for a decision before the 2025 reform (`officeOn`), so the office city rule
 * of that date is checked against the old unit (an office in former Bình Dương stays old63:74 and does not pass as
 * TP HCM); rolled up to its current unit from the reform on (and when no date is given).
 */
export async function checkReferences(
  trx: Transaction<Database>,
  provinceIds: readonly string[] = [],
  sectorCodes: readonly string[] = [],
  office?: string | null,
  officeOn?: string,
): Promise<string | null | undefined> {
  const all = office ? [...provinceIds, office] : [...provinceIds];
  const { unknownProvinces, unknownSectors, rollsUp } = await referenceCheck(trx, [...new Set(all)], [...new Set(sectorCodes)]);
  const unknown: UnknownReference[] = [
    ...unknownProvinces.map((id) => ({
      path: id === office && !provinceIds.includes(id) ? 'officeProvinceId' : 'provinceIds',
      kind: 'province' as const,
      value: id,
    })),
    ...unknownSectors.map((code) => ({ path: 'sectorCodes', kind: 'sector' as const, value: code })),
  ];
  if (unknown.length) throw unknownReferenceError(unknown);
  if (!office) return office;
  return officeOn && officeOn < PROVINCE_REFORM_DATE ? office : rollsUp.get(office);
}

/**
 * Checks the agency and organisation an account is scoped to (400 `unknown_reference` naming each one that does
 * not exist), so a wrong code is the caller's error and not a foreign-key failure answered as 500.
 */
export async function checkAccountReferences(
  db: Kysely<Database> | Transaction<Database>,
  refs: { agencyId?: string | null; organisationId?: string | null },
): Promise<void> {
  const unknown: UnknownReference[] = [];
  if (refs.agencyId) {
    const found = await db.selectFrom('agencies').select('id').where('id', '=', refs.agencyId).executeTakeFirst();
    if (!found) unknown.push({ path: 'body.agencyId', kind: 'agency', value: refs.agencyId });
  }
  if (refs.organisationId) {
    const found = await db.selectFrom('organisations').select('id').where('id', '=', refs.organisationId).executeTakeFirst();
    if (!found) unknown.push({ path: 'body.organisationId', kind: 'organisation', value: refs.organisationId });
  }
  if (unknown.length) throw unknownReferenceError(unknown);
}
