import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation } from '@modules/aid/aid.fixtures';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import type { DonorRef } from './iati-import.convert';
import { OrgMatcher, type OrgMatch } from './iati-org-match';

let t: TestDatabase;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  for (const name of ['Alpha Aid', 'Beta Relief', 'Beta Relief Two', 'Cứu Trợ Trẻ Em Quốc Tế', 'Green Earth Foundation Vietnam'])
    ids[name] = (await buildOrganisation(t.db, { name })).id;
  await t.db.updateTable('organisations').set({ iati_org_id: 'XI-IATI-ALPHA' }).where('id', '=', ids['Alpha Aid']!).execute();
  // A second "Beta Relief", registered with an IATI identifier of its own.
  await t.db
    .updateTable('organisations')
    .set({ name_original: 'Beta Relief', name_en: 'Beta Relief', iati_org_id: 'XI-IATI-BETA2' })
    .where('id', '=', ids['Beta Relief Two']!)
    .execute();
  for (let i = 1; i <= 30; i++) ids[`Donor ${i}`] = (await buildOrganisation(t.db, { name: `Sunrise Partners Number ${i}` })).id;
});
afterAll(async () => t?.drop());

/** The matcher over a connection that counts the statements it sends. */
function countingMatcher(): { matcher: OrgMatcher; statements: () => number } {
  let count = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      count++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { matcher: new OrgMatcher(t.db.withPlugin(counter)), statements: () => count };
}

const summary = (m: OrgMatch) => (m.kind === 'none' ? 'none' : `${m.kind} ${m.hit.organisationId}`);

describe('matching a batch of IATI donors to registered organisations', () => {
  it('gives each donor the match the rules decide: identifier, exact name unless registered with another identifier, close name, none', async () => {
    const cases: [DonorRef, string][] = [
      [{ ref: 'XI-IATI-ALPHA', name: 'Some other name' }, `ref ${ids['Alpha Aid']}`],
      [{ name: 'ALPHA aid' }, `name ${ids['Alpha Aid']}`],
      // Same name, but the publisher's identifier is not the one Alpha registered: another organisation, maybe.
      [{ ref: 'XI-IATI-OTHER', name: 'Alpha Aid' }, `likely ${ids['Alpha Aid']}`],
      // Two "Beta Relief": the one without an IATI identifier of its own is the exact match.
      [{ ref: 'XI-IATI-OTHER', name: 'Beta Relief' }, `name ${ids['Beta Relief']}`],
      [{ name: 'Cuu tro tre em quoc te' }, `name ${ids['Cứu Trợ Trẻ Em Quốc Tế']}`],
      [{ nameEn: 'Nobody Known', nameVi: 'Cứu Trợ Trẻ Em Quốc Tế', name: 'Nobody Known' }, `name ${ids['Cứu Trợ Trẻ Em Quốc Tế']}`],
      [{ name: 'Green Earth Foundation' }, `likely ${ids['Green Earth Foundation Vietnam']}`],
      [{ name: 'Completely Unrelated Donor' }, 'none'],
    ];
    const batch = countingMatcher().matcher;
    await batch.prefetch(cases.map(([d]) => d));
    for (const [donor, expected] of cases) {
      expect(summary(await batch.match(donor)), JSON.stringify(donor)).toBe(expected);
      // The same, asked one donor at a time.
      expect(summary(await countingMatcher().matcher.match(donor)), JSON.stringify(donor)).toBe(expected);
    }
  });

  it('decides thirty donors named like registered organisations in a handful of statements, not one query each', async () => {
    const { matcher, statements } = countingMatcher();
    const donors = Array.from({ length: 30 }, (_, i) => ({ name: `Sunrise Partners Number ${i + 1}` }));
    await matcher.prefetch(donors);
    for (let i = 0; i < 30; i++) expect(summary(await matcher.match(donors[i]!))).toBe(`name ${ids[`Donor ${i + 1}`]}`);
    expect(statements()).toBeLessThanOrEqual(4);
    // Asked again (the next batch of the same publishers): answered from what was read.
    const before = statements();
    await matcher.prefetch(donors);
    expect(statements()).toBe(before);
  });
});
