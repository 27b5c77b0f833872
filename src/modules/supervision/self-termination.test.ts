import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '@common/time/vietnam-today';
import { addDays } from '@domain/calendar/iso-date';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { act, draftWithDocuments, upload, useTempDataDir } from '../procedures/procedures.test-support';
import { createOrganisation, issue } from '../registry/registry.fixtures';

let t: TestContext;
let central: Session;

beforeAll(async () => {
  useTempDataDir();
  t = await createTestContext();
  central = await t.signInAs('central');
});
afterAll(async () => t.close());

/**
 * Self-termination stays a dossier the NGO files (D58 Art. 19.5, 20.6), not a sanction: 60 days' notice with the
 * certificate, the audit report and the evidence attached; the decision ends the certificate as SELF_TERMINATED and the
 * agencies concerned get their Art. 25 notice.
 */
describe('self-termination next to the sanctions', () => {
  it('is still filed as a dossier with its attachments and ends the certificate on the cessation date', async () => {
    const today = vietnamToday();
    const org = await createOrganisation(t, central);
    const issued = await issue(t, central, org.id, {
      issueDate: addDays(today, -400),
      validUntil: addDays(today, 600),
      decisionDate: addDays(today, -400),
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const certificateId = issued.json().certificateId as string;
    const ngo = await t.signInAs('ngo', { organisationId: org.id });
    const moh = await t.signInAs('agency', { agencyId: 'MOH' });

    // The sanctions are not offered as dossiers.
    const refused = await t.call(ngo, { method: 'POST', url: '/api/dossiers', payload: { procedureCode: 'SUSPENSION', certificateId } });
    expect(refused.statusCode).toBe(400);

    const cessation = addDays(today, 61);
    const id = await draftWithDocuments(t, ngo, {
      procedureCode: 'SELF_TERMINATION',
      certificateId,
      application: { cessationDate: cessation },
    });
    const detail = (await t.call(ngo, { method: 'GET', url: `/api/dossiers/${id}` })).json();
    expect(detail.procedureCode).toBe('SELF_TERMINATION');
    expect((await upload(t, ngo, id, 'NOPE')).statusCode).toBeGreaterThanOrEqual(400);
    for (const [session, body] of [
      [ngo, { action: 'SUBMIT' }],
      [central, { action: 'ACCEPT' }],
    ] as const) {
      const r = await act(t, session, id, body);
      expect(r.statusCode, r.body).toBe(200);
    }
    // Nobody is consulted on a self-termination: the consultation step opens and closes at once.
    for (const body of [
      { action: 'START_CONSULTATION', agencyIds: [] },
      { action: 'FORWARD_TO_MOFA' },
      { action: 'START_APPRAISAL' },
      { action: 'APPROVE', decisionNumber: '77/QĐ-BNG', decisionDate: today },
    ]) {
      const r = await act(t, central, id, body);
      expect(r.statusCode, `${body.action}: ${r.body}`).toBe(200);
    }
    const cert = (await t.call(central, { method: 'GET', url: `/api/certificates/${certificateId}?asOf=${addDays(cessation, 1)}` })).json();
    expect(cert.status).toBe('SELF_TERMINATED');
    expect(cert.events.at(-1)).toMatchObject({ kind: 'SELF_TERMINATED', effectiveDate: cessation });
    const notices = await t.db
      .selectFrom('notifications')
      .select('params')
      .where('user_id', '=', moh.userId)
      .where('kind', '=', 'CERTIFICATE_NOTICE')
      .execute();
    expect(notices.map((n) => n.params.decision)).toContain('SELF_TERMINATED');
  });
});
