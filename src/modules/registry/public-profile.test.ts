import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { vietnamToday } from '@common/time/vietnam-today';
import { buildAidItem, buildMoney } from '@modules/aid/aid.fixtures';
import { act, createOrganisation, issue } from './registry.fixtures';

/**
 * Issue 17 §5: the public profile shows what the NGO does, its history, its office and its approved aid of the last
 * five years, with the statistics' own figures; each approved aid item has a public page, any other item is 404;
 * no person data in either answer.
 */

let t: TestContext;
let central: Session;
let orgId: string;
const items: Record<string, string> = {};
const thisYear = Number(vietnamToday().slice(0, 4));
const years = Array.from({ length: 5 }, (_, i) => thisYear - 4 + i);
const PERSON = ['Secret Person', 'X9999999', 'Nguyễn Văn Riêng', 'Trần Thị Chủ'];

const get = async (url: string, lang = 'vi') => t.call(null, { method: 'GET', url, headers: { 'accept-language': lang } });
const json = async (url: string, lang = 'vi') => {
  const response = await get(url, lang);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json();
};
const cents = (usd: string) => BigInt(usd.replace('.', ''));
const add = (values: string[]) => values.reduce((a, v) => a + cents(v), 0n);

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  const org = await createOrganisation(t, central, {
    nameOriginal: 'Profile Relief Network',
    nameVi: 'Mạng lưới Cứu trợ Hồ sơ',
    countryCode: 'GB',
    representative: { role: 'REPRESENTATIVE', fullName: 'Secret Person', passportNumber: 'X9999999' },
  });
  orgId = org.id;
  const issued = await issue(t, central, orgId, {
    type: 'GDKVPDD',
    officeProvinceId: 'new34:01',
    provinceIds: ['new34:01', 'new34:04'],
    sectorCodes: ['YTE', 'GDDT'],
    issueDate: '2024-01-10',
    validUntil: '2029-01-10',
    decisionDate: '2024-01-05',
  });
  if (issued.statusCode !== 201) throw new Error(issued.body);
  const certificateId = issued.json().certificateId as string;
  const amended = await act(t, central, certificateId, {
    kind: 'AMENDED',
    effectiveDate: '2025-03-01',
    changes: { sectorCodes: ['YTE', 'GDDT', 'XH'] },
  });
  if (amended.statusCode >= 300) throw new Error(amended.body);

  // An ongoing item in two provinces (one an old unit) and two sectors, with amounts that do not split evenly.
  const shown = await buildAidItem(t.db, {
    organisation_id: orgId,
    status: 'IMPLEMENTING',
    title_en: 'Clean water for schools',
    aid_owner_name: 'Trần Thị Chủ',
    provinces: [
      ['new34:04', '33.33'],
      ['old63:74', '66.67'],
    ],
    sectors: [
      ['YTE', '70'],
      ['GDDT', '30'],
    ],
  });
  items.shown = shown.id;
  await buildMoney(t.db, shown.id, `${years[1]}-03-01`, '1000.01', '333.33');
  await buildMoney(t.db, shown.id, `${years[4]}-02-01`, '2500.05', '1250.07');
  await buildMoney(t.db, shown.id, `${thisYear - 7}-02-01`, '999.99', '999.99'); // before the five years
  await t.db
    .insertInto('aid_partners')
    .values([
      { aid_item_id: shown.id, role: 'IMPLEMENTING', name: 'Nguyễn Văn Riêng', organisation_id: null, agency_id: null },
      { aid_item_id: shown.id, role: 'FUNDING', name: 'Profile Relief Network', organisation_id: orgId, agency_id: null },
    ])
    .execute();
  const completed = await buildAidItem(t.db, { organisation_id: orgId, status: 'COMPLETED', sectors: [['XH', '100']] });
  items.completed = completed.id;
  await buildMoney(t.db, completed.id, `${years[3]}-05-01`, '10.10', '10.10');
  for (const status of ['PIPELINE', 'REVOKED', 'CANCELLED'] as const) {
    const hidden = await buildAidItem(t.db, { organisation_id: orgId, status });
    items[status] = hidden.id;
    await buildMoney(t.db, hidden.id, `${years[4]}-01-15`, '777.77', '777.77');
  }
});
afterAll(async () => t?.close());

describe('public profile of an NGO', () => {
  it('shows its approved aid of the last five years exactly as the statistics dashboard filtered to it', async () => {
    const profile = await json(`/api/public/organisations/${orgId}`);
    expect(profile.aid.years.map((y: { year: number }) => y.year)).toEqual(years);
    const dashboards = await Promise.all(years.map((y) => json(`/api/stats/dashboard?year=${y}&organisation=${orgId}`)));
    years.forEach((_, i) => {
      expect(profile.aid.years[i].committedUsd).toBe(dashboards[i].summary.committedUsd);
      expect(profile.aid.years[i].disbursedUsd).toBe(dashboards[i].summary.disbursedUsd);
    });
    // Only approved aid, only the five years: 1000.01 + 2500.05 + 10.10 committed.
    expect(add(profile.aid.years.map((y: { committedUsd: string }) => y.committedUsd))).toBe(351016n);
    expect(add(profile.aid.years.map((y: { disbursedUsd: string }) => y.disbursedUsd))).toBe(159350n);

    type Part = { code: string; committedUsd: string; disbursedUsd: string };
    const expectSums = (ours: Part[], theirs: Part[][]) => {
      for (const part of ours) {
        const same = theirs.flatMap((list) => list.filter((p) => p.code === part.code));
        expect(cents(part.committedUsd), part.code).toBe(add(same.map((p) => p.committedUsd)));
        expect(cents(part.disbursedUsd), part.code).toBe(add(same.map((p) => p.disbursedUsd)));
      }
    };
    expectSums(
      profile.aid.bySector,
      dashboards.map((d) => d.bySector.items),
    );
    expectSums(
      profile.aid.byProvince,
      dashboards.map((d) => d.byProvince.items),
    );
    expect(profile.aid.bySector.map((s: Part) => s.code).sort()).toEqual(['GDDT', 'XH', 'YTE']);
    expect(add(profile.aid.bySector.map((s: Part) => s.committedUsd))).toBe(351016n);
    expect(profile.aid.byProvince.map((p: Part) => p.code).length).toBe(2);
    expect(add(profile.aid.byProvince.map((p: Part) => p.committedUsd))).toBe(351016n);
  });

  it('lists its public aid items only, each with a page', async () => {
    const profile = await json(`/api/public/organisations/${orgId}`);
    expect(profile.aid.items.map((i: { id: string }) => i.id).sort()).toEqual([items.shown, items.completed].sort());
  });

  it('says what it does, where its office is and what was decided about its certificate, in both languages', async () => {
    const vi = await json(`/api/public/organisations/${orgId}`, 'vi');
    expect(vi.activity.sectors.map((s: { id: string }) => s.id)).toEqual(['YTE', 'GDDT', 'XH']);
    expect(vi.activity.provinces.map((p: { id: string }) => p.id)).toEqual(['new34:01', 'new34:04']);
    expect(vi.office.province.id).toBe('new34:01');
    expect(vi.history.map((h: { kind: string; effectiveDate: string }) => [h.kind, h.effectiveDate])).toEqual([
      ['AMENDED', '2025-03-01'],
      ['ISSUED', '2024-01-10'],
    ]);
    const en = await json(`/api/public/organisations/${orgId}`, 'en');
    const health = (list: { code: string; name: string }[]) => list.find((s) => s.code === 'YTE')!.name;
    expect(health(en.aid.bySector)).not.toBe(health(vi.aid.bySector));
  });
});

describe('public page of an aid item', () => {
  it('shows an approved item with its partners, sectors, provinces and money by year', async () => {
    const page = await json(`/api/public/aid/${items.shown}`);
    expect(page.organisation).toMatchObject({ id: orgId, name: 'Profile Relief Network' });
    expect(page.sectors.map((s: { code: string }) => s.code)).toEqual(['YTE', 'GDDT']);
    expect(page.provinces).toHaveLength(2);
    expect(page.provinces.every((p: { id: string }) => p.id.startsWith('new34:'))).toBe(true);
    expect(page.years).toEqual([
      { year: thisYear - 7, committedUsd: '999.99', disbursedUsd: '999.99' },
      { year: years[1], committedUsd: '1000.01', disbursedUsd: '333.33' },
      { year: years[4], committedUsd: '2500.05', disbursedUsd: '1250.07' },
    ]);
    expect(page.total).toEqual({ committedUsd: '4500.05', disbursedUsd: '2583.39' });
    expect(page.partners).toEqual([{ role: 'FUNDING', name: 'Profile Relief Network', organisationId: orgId }]);
  });

  it('is 404 for an item the public may not see, and for an unknown id', async () => {
    for (const key of ['PIPELINE', 'REVOKED', 'CANCELLED']) {
      const response = await get(`/api/public/aid/${items[key]}`);
      expect(response.statusCode, key).toBe(404);
    }
    expect((await get('/api/public/aid/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('carries no person data, nor does the profile', async () => {
    const answers = [
      (await get(`/api/public/aid/${items.shown}`)).body,
      (await get(`/api/public/organisations/${orgId}`)).body,
      (await get(`/api/public/organisations/${orgId}`, 'en')).body,
    ];
    for (const body of answers) for (const person of PERSON) expect(body).not.toContain(person);
    for (const body of answers) expect(body).not.toMatch(/passport|fullName|representative/i);
  });
});
