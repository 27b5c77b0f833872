import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { act, createOrganisation, issue } from './registry.fixtures';

let t: TestContext;
let admin: Session;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signInAs('admin');
});
afterAll(async () => t.close());

describe('registry working days follow the calendar decisions entered by administrators', () => {
  it('moves a suspension remedy deadline by one working day when a day off is added inside the remedy period', async () => {
    const org = await createOrganisation(t, admin);
    const certificateId = (await issue(t, admin, org.id)).json().certificateId as string;
    const suspended = await act(t, admin, certificateId, {
      kind: 'SUSPENDED',
      effectiveDate: '2025-03-03',
      receivedDate: '2025-03-05',
      legalGround: 'D58_ART18_1C',
    });
    // 30 working days after Wed 5 March 2025, skipping weekends and the Hùng Kings' day (Mon 7 April 2025).
    expect(suspended.json().suspension.remedyDeadline).toBe('2025-04-17');

    const dayOff = await t.call(admin, {
      method: 'POST',
      url: '/api/calendar/decisions',
      payload: { date: '2025-03-12', kind: 'EXTRA_OFF', reasonVi: 'Nghỉ thêm', reasonEn: 'Extra day off', legalRef: 'QĐ thử nghiệm' },
    });
    expect(dayOff.statusCode, dayOff.body).toBe(201);

    const read = await t.call(admin, { method: 'GET', url: `/api/certificates/${certificateId}?asOf=2025-03-20` });
    expect(read.json().suspension.remedyDeadline).toBe('2025-04-18');
    const view = await t.call(admin, { method: 'GET', url: `/api/organisations/${org.id}` });
    expect(view.json().certificates[0].suspension.remedyDeadline).toBe('2025-04-18');
    // The write path counts with the same calendar: 18 April is now still inside the remedy period.
    const early = await act(t, admin, certificateId, { kind: 'TERMINATED', effectiveDate: '2025-04-18', legalGround: 'D58_ART19_1C' });
    expect(early.json().error.details.rule).toBe('certificate_termination_ground_unmet');
    const late = await act(t, admin, certificateId, { kind: 'TERMINATED', effectiveDate: '2025-04-21', legalGround: 'D58_ART19_1C' });
    expect(late.statusCode, late.body).toBe(201);
  });
});
