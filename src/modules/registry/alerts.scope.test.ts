import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { buildAidItem } from '../aid/aid.fixtures';
import { act, createOrganisation, issue } from './registry.fixtures';

let t: TestContext;
let central: Session;
beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
});
afterAll(async () => t.close());

type Alert = Record<string, unknown> & { kind: string; organisationId: string };
const alertsOn = async (asOf: string, session = central): Promise<Alert[]> => {
  const response = await t.call(session, { method: 'GET', url: `/api/registry/alerts?asOf=${asOf}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
};
const ofKind = (alerts: Alert[], kind: string, organisationId: string) =>
  alerts.filter((a) => a.kind === kind && a.organisationId === organisationId);

describe('home-term shortening', () => {
  it('warns in the edit response and raises an alert when the home term now ends before a current certificate', async () => {
    const org = await createOrganisation(t, central, { homeTermUntil: '2030-12-31' });
    const certificate = await issue(t, central, org.id); // 2024-01-10 → 2027-01-10
    const certificateId = certificate.json().certificateId as string;
    const number = certificate.json().number as string;
    expect(ofKind(await alertsOn('2025-06-01'), 'EXCEEDS_HOME_TERM', org.id)).toEqual([]);

    const edit = await t.call(central, {
      method: 'PATCH',
      url: `/api/organisations/${org.id}`,
      payload: { version: org.version, homeTermUntil: '2026-06-30' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().warnings).toEqual([
      {
        code: 'certificate_exceeds_home_term',
        certificateId,
        certificateNumber: number,
        validUntil: '2027-01-10',
        homeTermUntil: '2026-06-30',
      },
    ]);
    expect(ofKind(await alertsOn('2025-06-01'), 'EXCEEDS_HOME_TERM', org.id)).toEqual([
      expect.objectContaining({ certificateId, certificateNumber: number, validUntil: '2027-01-10', homeTermUntil: '2026-06-30' }),
    ]);
    // Once the certificate has been brought back within the term (an amendment may shorten it), the alert goes.
    const shortened = await act(t, central, certificateId, {
      kind: 'AMENDED',
      effectiveDate: '2025-07-01',
      changes: { validUntil: '2026-06-30' },
    });
    expect(shortened.statusCode, shortened.body).toBe(201);
    expect(ofKind(await alertsOn('2025-08-01'), 'EXCEEDS_HOME_TERM', org.id)).toEqual([]);
    const view = await t.call(central, { method: 'GET', url: `/api/organisations/${org.id}` });
    expect(view.json().warnings).toEqual([]);
  });

  it('shows the alert only to officers whose scope covers the organisation', async () => {
    const org = await createOrganisation(t, central, { homeTermUntil: '2026-01-31' });
    await issue(t, central, org.id, { issueDate: '2025-01-10', validUntil: '2026-01-31', provinceIds: ['new34:04'] });
    await t.db.updateTable('organisations').set({ home_term_until: '2025-12-31' }).where('id', '=', org.id).execute();
    const caoBang = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    const hue = await t.signInAs('agency', { agencyId: 'UBND:new34:46' });
    expect(ofKind(await alertsOn('2025-06-01', caoBang), 'EXCEEDS_HOME_TERM', org.id)).toHaveLength(1);
    expect(ofKind(await alertsOn('2025-06-01', hue), 'EXCEEDS_HOME_TERM', org.id)).toEqual([]);
  });
});

describe('aid outside the certificate', () => {
  it('flags aid in a province or field the certificate in force did not cover, comparing old and new province ids', async () => {
    const org = await createOrganisation(t, central);
    // GDKHD 2024-01-10 → 2027-01-10 for Tuyên Quang (new34:08) and health.
    await issue(t, central, org.id, { provinceIds: ['new34:08'], sectorCodes: ['YTE'] });
    const dates = { organisation_id: org.id, actual_start: '2024-06-01', planned_end: '2025-12-31' };
    // Hà Giang (old63:02) merged into Tuyên Quang: inside.
    const inside = await buildAidItem(t.db, { ...dates, provinces: [['old63:02', '100']], sectors: [['YTE', '100']] });
    const outside = await buildAidItem(t.db, {
      ...dates,
      provinces: [
        ['old63:02', '50'],
        ['old63:46', '50'],
      ],
      sectors: [
        ['YTE', '60'],
        ['GDDT', '40'],
      ],
    });
    // Before the certificate was issued nothing was covered.
    const early = await buildAidItem(t.db, { organisation_id: org.id, actual_start: '2023-01-01', planned_end: '2023-12-31' });
    const finished = await buildAidItem(t.db, { ...dates, status: 'COMPLETED', provinces: [['old63:46', '100']] });

    const alerts = ofKind(await alertsOn('2025-06-01'), 'AID_OUTSIDE_CERTIFICATE', org.id);
    const byItem = new Map(alerts.map((a) => [a.aidItemId, a]));
    expect(byItem.has(inside.id)).toBe(false);
    expect(byItem.has(finished.id)).toBe(false);
    expect(byItem.get(outside.id)).toMatchObject({
      aidItemCode: outside.code,
      certificateId: null,
      outsideProvinceIds: ['old63:46'],
      outsideSectorCodes: ['GDDT'],
    });
    expect(byItem.get(early.id)).toMatchObject({ outsideProvinceIds: ['new34:04'], outsideSectorCodes: ['YTE'] });
  });

  it('counts an amendment made while the aid runs, and keeps aid alerts within the officer’s aid scope', async () => {
    const org = await createOrganisation(t, central);
    const certificateId = (await issue(t, central, org.id, { provinceIds: ['new34:04'] })).json().certificateId as string;
    const aid = await buildAidItem(t.db, {
      organisation_id: org.id,
      actual_start: '2025-01-01',
      planned_end: '2026-12-31',
      provinces: [['new34:46', '100']],
    });
    const flagged = async (session = central) =>
      ofKind(await alertsOn('2025-06-01', session), 'AID_OUTSIDE_CERTIFICATE', org.id).map((a) => a.aidItemId);
    expect(await flagged()).toEqual([aid.id]);
    expect(await flagged(await t.signInAs('agency', { agencyId: 'UBND:new34:46' }))).toEqual([aid.id]);
    expect(await flagged(await t.signInAs('agency', { agencyId: 'UBND:new34:08' }))).toEqual([]);
    await act(t, central, certificateId, {
      kind: 'AMENDED',
      effectiveDate: '2025-03-01',
      changes: { provinceIds: ['new34:04', 'new34:46'] },
    });
    expect(await flagged()).toEqual([]);
  });
});
