import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serializeActivities, serializeOrganisation } from '../../../domain/iati/serialize';
import { activitiesForEveryModality, buildActivity, complexActivity } from '../../../../test/fixtures/iati/activities';
import { validateAgainstSchema } from './validate-xsd';

const UPSTREAM = fileURLToPath(new URL('../../../../test/fixtures/iati/upstream/', import.meta.url));
const generatedAt = '2026-11-23T08:00:00Z';

describe('XSD validation of vnaid exports (IATI 2.03)', () => {
  it.each(activitiesForEveryModality().map((a) => [a.modality, a] as const))('accepts a %s activity', async (_m, activity) => {
    const result = await validateAgainstSchema(serializeActivities([activity], { generatedAt }), 'activities');
    expect(result).toEqual({ valid: true, errors: [] });
  });

  it('accepts several provinces (old and new codes), shared sectors, several currencies and escaped text', async () => {
    const xml = serializeActivities([complexActivity(), ...activitiesForEveryModality()], { generatedAt, synthetic: true });
    expect(await validateAgainstSchema(xml, 'activities')).toEqual({ valid: true, errors: [] });
  });

  it('accepts a minimal activity (no optional parts)', async () => {
    const a = buildActivity({
      participatingOrgs: [{ role: 'FUNDING' }],
      recipientCountries: [],
      locations: [],
      sectors: [],
      transactions: [],
      approval: undefined,
      defaultCurrency: undefined,
      titles: { en: 'T' },
      descriptions: { vi: 'M' },
      dates: { plannedStart: '2026-01-01' },
    });
    expect(await validateAgainstSchema(serializeActivities([a], { generatedAt }), 'activities')).toEqual({ valid: true, errors: [] });
  });

  it('accepts an organisation document', async () => {
    const xml = serializeOrganisation(
      {
        identifier: 'VN-COA-1',
        name: { vi: 'Bộ Ngoại giao', en: 'Ministry of Foreign Affairs' },
        reportingOrg: { ref: 'VN-COA-1', type: '10', nameVi: 'Bộ Ngoại giao' },
        defaultCurrency: 'USD',
        totalBudgets: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', amount: '1000', status: 'INDICATIVE' }],
        totalExpenditures: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', amount: '900.5' }],
      },
      { generatedAt },
    );
    expect(await validateAgainstSchema(xml, 'organisations')).toEqual({ valid: true, errors: [] });
  });

  it('agrees with upstream: annotated examples pass, a should-fail test fails with a line number', async () => {
    for (const [file, which] of [
      ['activity-standard-example-annotated-2.03.xml', 'activities'],
      ['organisation-standard-example-annotated-2.03.xml', 'organisations'],
    ] as const) {
      expect((await validateAgainstSchema(readFileSync(UPSTREAM + file, 'utf8'), which)).valid, file).toBe(true);
    }
    const bad = await validateAgainstSchema(
      readFileSync(`${UPSTREAM}tests/activity-tests/should-fail/18-missing-iati-activities-version.xml`, 'utf8'),
      'activities',
    );
    expect(bad.valid).toBe(false);
    expect(bad.errors[0]).toMatchObject({ message: expect.stringContaining('version'), line: expect.any(Number) });
  });

  it('reports an element out of schema order', async () => {
    const xml = serializeActivities([buildActivity()], { generatedAt }).replace(/ {2}<activity-status code="\d"\/>\n/, '');
    const result = await validateAgainstSchema(
      xml.replace('<recipient-country', '<activity-status code="2"/>\n  <recipient-country'),
      'activities',
    );
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.message).toContain('activity-status');
  });
});
