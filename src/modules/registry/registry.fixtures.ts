/**
 * Test-only builders for the registry's integration tests (not imported by production code).
 */
import type { TestContext, Session } from '../../../test/support/test-app';

let counter = 0;

/** A decision signed and effective on `date`, citing Decree 58. */
export const decision = (date: string, number?: string) => ({
  decisionNumber: number ?? `${++counter}/QĐ-BNG`,
  decisionDate: date,
  legalGround: 'Nghị định 58/2022/NĐ-CP',
});

/** Creates an organisation through the API (as `session`, an admin or central officer) and returns its view. */
export async function createOrganisation(t: TestContext, session: Session, overrides: Record<string, unknown> = {}) {
  const n = ++counter;
  const response = await t.call(session, {
    method: 'POST',
    url: '/api/organisations',
    payload: { nameOriginal: `Test Organisation ${n}`, countryCode: 'GB', ...overrides },
  });
  if (response.statusCode !== 201) throw new Error(`create organisation failed: ${response.body}`);
  return response.json() as { id: string; code: string; version: number; nameOriginal: string };
}

/** Issues a GDKHD (defaults: 2024-01-10 to 2027-01-10, Cao Bằng, health) through the API; returns the raw response. */
export function issue(t: TestContext, session: Session, organisationId: string, overrides: Record<string, unknown> = {}, lang = 'vi') {
  return t.call(session, {
    method: 'POST',
    url: `/api/organisations/${organisationId}/certificates`,
    headers: { 'accept-language': lang },
    payload: {
      type: 'GDKHD',
      issueDate: '2024-01-10',
      validUntil: '2027-01-10',
      provinceIds: ['new34:04'],
      sectorCodes: ['YTE'],
      ...decision('2024-01-05'),
      ...overrides,
    },
  });
}

/** Records a later decision through the API; returns the raw response. */
export function act(t: TestContext, session: Session, certificateId: string, body: Record<string, unknown>, lang = 'vi') {
  const date = String(body.effectiveDate);
  return t.call(session, {
    method: 'POST',
    url: `/api/certificates/${certificateId}/events`,
    headers: { 'accept-language': lang },
    payload: { ...decision(date), ...body },
  });
}
