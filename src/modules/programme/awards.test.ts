import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@domain/calendar';
import { vietnamToday } from '@common/time/vietnam-today';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { createOrganisation, issue } from '@modules/registry/registry.fixtures';
import { coordinationDb } from './meetings.tables';

let t: TestContext;
let central: Session;
let moh: Session;
let moet: Session;
let ngo: Session;
let orgId: string;
const today = vietnamToday();

const get = (s: Session | null, url: string) => t.call(s, { method: 'GET', url });
const post = (s: Session | null, url: string, payload: Record<string, unknown>) => t.call(s, { method: 'POST', url, payload });
const decision = (version: number, overrides: Record<string, unknown> = {}) => ({
  outcome: 'DECIDED',
  version,
  decisionNumber: '1234/QĐ-CTN',
  decisionDate: today,
  issuingAuthority: 'Chủ tịch nước',
  ...overrides,
});

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
  moh = await t.signInAs('agency', { agencyId: 'MOH' });
  moet = await t.signInAs('agency', { agencyId: 'MOET' });
  const org = await createOrganisation(t, central, { nameOriginal: 'Friends of Health' });
  orgId = org.id;
  expect((await issue(t, central, orgId)).statusCode).toBe(201);
  ngo = await t.signInAs('ngo', { organisationId: orgId });
});
afterAll(async () => t.close());

describe('awards', () => {
  it('takes an agency nomination, shows it to that agency and central only, and puts the decided award on the public profile', async () => {
    const nominated = await post(moh, '/api/programme/awards', {
      nomineeKind: 'ORGANISATION',
      organisationId: orgId,
      awardKind: 'PEACE_FRIENDSHIP_MEDAL',
      reason: 'Hỗ trợ y tế cơ sở 10 năm',
    });
    expect(nominated.statusCode).toBe(201);
    const award = nominated.json();
    expect(award).toMatchObject({ status: 'NOMINATED', nominatingAgency: { id: 'MOH' }, nominatedOn: today, canDecide: false });

    expect((await get(moet, `/api/programme/awards/${award.id}`)).statusCode).toBe(404);
    expect((await get(ngo, '/api/programme/awards')).json().total).toBe(0);
    expect((await get(central, `/api/programme/awards/${award.id}`)).json().canDecide).toBe(true);
    expect((await get(null, `/api/public/organisations/${orgId}`)).json().awards).toEqual([]);

    expect((await post(moh, `/api/programme/awards/${award.id}/decision`, decision(award.version))).statusCode).toBe(403);
    const decided = await post(central, `/api/programme/awards/${award.id}/decision`, decision(award.version));
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'DECIDED', decisionNumber: '1234/QĐ-CTN', canDecide: false });

    const profile = (await get(null, `/api/public/organisations/${orgId}`)).json();
    expect(profile.awards).toEqual([
      {
        id: award.id,
        awardKind: 'PEACE_FRIENDSHIP_MEDAL',
        awardName: null,
        recipientKind: 'ORGANISATION',
        personName: null,
        decisionNumber: '1234/QĐ-CTN',
        decisionDate: today,
        issuingAuthority: 'Chủ tịch nước',
        synthetic: false,
      },
    ]);
    expect(Object.keys(profile.awards[0])).not.toContain('reason');
    expect((await get(moet, `/api/programme/awards/${award.id}`)).statusCode).toBe(200);
    expect((await get(ngo, '/api/programme/awards')).json().total).toBe(1);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', award.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['programme_award.nominate', 'programme_award.decide']);

    const again = await t.call(central, {
      method: 'POST',
      url: `/api/programme/awards/${award.id}/decision`,
      headers: { 'accept-language': 'en' },
      payload: decision(decided.json().version),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'award_already_decided', message: expect.stringMatching(/already been decided/) });
  });

  it('keeps declined nominations and those of individuals without a decision off the profile; names a decided individual', async () => {
    const person = (
      await post(central, '/api/programme/awards', {
        nomineeKind: 'INDIVIDUAL',
        personName: 'Jane Doe',
        organisationId: orgId,
        awardKind: 'CERTIFICATE_OF_MERIT',
        awardName: 'Bằng khen của Thủ tướng Chính phủ',
        reason: 'Điều phối dự án',
        nominatingAgencyId: 'MOH',
      })
    ).json();
    const declined = (
      await post(moh, '/api/programme/awards', { nomineeKind: 'ORGANISATION', organisationId: orgId, awardKind: 'ORDER', reason: 'x' })
    ).json();
    expect(
      (
        await post(central, `/api/programme/awards/${declined.id}/decision`, {
          outcome: 'DECLINED',
          version: 1,
          reason: 'Chưa đủ điều kiện',
        })
      ).statusCode,
    ).toBe(200);
    let awards = (await get(null, `/api/public/organisations/${orgId}`)).json().awards;
    expect(awards.map((a: { id: string }) => a.id)).not.toContain(declined.id);
    expect(awards.map((a: { id: string }) => a.id)).not.toContain(person.id);

    expect(
      (await post(central, `/api/programme/awards/${person.id}/decision`, decision(1, { decisionNumber: '55/QĐ-TTg' }))).statusCode,
    ).toBe(200);
    awards = (await get(null, `/api/public/organisations/${orgId}`)).json().awards;
    expect(awards.find((a: { id: string }) => a.id === person.id)).toMatchObject({ recipientKind: 'INDIVIDUAL', personName: 'Jane Doe' });
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const rows = async () =>
      await coordinationDb(t.db).selectFrom('programme_awards').select(['id', 'status', 'version']).orderBy('id').execute();
    const before = await rows();
    const audits = (await t.db.selectFrom('audit_log').select('id').execute()).length;

    const noPerson = await post(moh, '/api/programme/awards', { nomineeKind: 'INDIVIDUAL', awardKind: 'ORDER', reason: 'x' });
    expect(noPerson.statusCode).toBe(400);
    expect(noPerson.json().error.code).toBe('validation_failed');
    const unknownOrg = await post(moh, '/api/programme/awards', {
      nomineeKind: 'ORGANISATION',
      organisationId: '00000000-0000-4000-8000-000000000000',
      awardKind: 'ORDER',
      reason: 'x',
    });
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json().error.code).toBe('unknown_reference');
    const otherAgency = await post(moh, '/api/programme/awards', {
      nomineeKind: 'ORGANISATION',
      organisationId: orgId,
      awardKind: 'ORDER',
      reason: 'x',
      nominatingAgencyId: 'MOET',
    });
    expect(otherAgency.statusCode).toBe(403);
    expect(
      (await post(ngo, '/api/programme/awards', { nomineeKind: 'ORGANISATION', organisationId: orgId, awardKind: 'ORDER', reason: 'x' }))
        .statusCode,
    ).toBe(403);

    const open = (
      await post(moh, '/api/programme/awards', { nomineeKind: 'ORGANISATION', organisationId: orgId, awardKind: 'ORDER', reason: 'y' })
    ).json();
    const afterNomination = await rows();
    const future = await post(central, `/api/programme/awards/${open.id}/decision`, decision(1, { decisionDate: addDays(today, 1) }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.issues[0]).toMatchObject({ path: 'body.decisionDate', message: 'in the future' });
    const missing = await post(central, `/api/programme/awards/${open.id}/decision`, {
      outcome: 'DECIDED',
      version: 1,
      decisionNumber: '1',
    });
    expect(missing.statusCode).toBe(400);
    expect(await rows()).toEqual(afterNomination);
    expect(afterNomination).toHaveLength(before.length + 1);
    expect((await t.db.selectFrom('audit_log').select('id').execute()).length).toBe(audits + 1);
  });
});
