import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';
import { buildOrganisation } from '@modules/aid/aid.fixtures';

/**
 * Issue 11, defect 8: the IATI organisation file published organisations the directory does not list. Both answer
 * from one definition of "public organisation" (registry.policy's publiclyListed: holds or held a certificate).
 */
let t: TestContext;
const orgs: Record<'listed' | 'neverCertified' | 'listedTomorrow', string> = { listed: '', neverCertified: '', listedTomorrow: '' };

beforeAll(async () => {
  t = await createTestContext();
  for (const key of Object.keys(orgs) as (keyof typeof orgs)[]) orgs[key] = (await buildOrganisation(t.db, { name: `Org ${key}` })).id;
  // listed_from is kept by triggers from the certificate periods; set here directly, as those triggers would.
  const list = (id: string, from: string) => t.pool.query('update organisations set listed_from = $2 where id = $1', [id, from]);
  await list(orgs.listed, '2020-01-01');
  await list(orgs.listedTomorrow, '2999-01-01');
});

afterAll(async () => t?.close());

const get = async (url: string) => (await t.call(null, { method: 'GET', url })).statusCode;

describe('public organisation: the directory profile and the IATI organisation file agree', () => {
  it('publishes a listed organisation in both', async () => {
    expect(await get(`/api/public/organisations/${orgs.listed}`)).toBe(200);
    expect(await get(`/api/public/iati/organisations/${orgs.listed}.xml`)).toBe(200);
  });

  it('answers 404 in both for an organisation that never held a certificate, or not yet', async () => {
    for (const id of [orgs.neverCertified, orgs.listedTomorrow]) {
      expect(await get(`/api/public/organisations/${id}`)).toBe(404);
      expect(await get(`/api/public/iati/organisations/${id}.xml`)).toBe(404);
    }
  });
});
