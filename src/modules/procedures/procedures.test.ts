import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';

let ctx: TestContext;
let admin: Session;
let central: Session;
let ngo: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.signInAs('admin');
  central = await ctx.signInAs('central');
  const org = await ctx.db
    .insertInto('organisations')
    .values({ code: 'CAT-1', name_original: 'Catalogue NGO', country_code: 'GB' })
    .returning('id')
    .executeTakeFirstOrThrow();
  ngo = await ctx.signInAs('ngo', { organisationId: org.id });
});
afterAll(async () => ctx?.close());

type Version = {
  versionId: string;
  code: string;
  inForce: boolean;
  provisional: boolean;
  overallLimit: { days: number; unit: string } | null;
  steps: { code: string; role: string; deadline: { days: number } | null }[];
  documents: { code: string }[];
  override: { version: number; legalNote: string | null } | null;
};
const catalogue = async (s: Session, query = '') =>
  (await ctx.call(s, { method: 'GET', url: `/api/procedures${query}` })).json().items as Version[];

describe('procedure catalogue', () => {
  it('lists the versions in force with steps, roles, deadlines and documents', async () => {
    expect((await ctx.call(null, { method: 'GET', url: '/api/procedures' })).statusCode).toBe(401);
    const items = await catalogue(ngo, '?date=2026-01-15');
    const gdkhd = items.find((v) => v.code === 'NEW_GDKHD')!;
    expect(gdkhd.overallLimit).toMatchObject({ days: 30, unit: 'WORKING' });
    expect(gdkhd.steps.find((s) => s.code === 'S3_OPINION')).toMatchObject({ role: 'CONSULTED_AGENCY', deadline: { days: 10 } });
    expect(gdkhd.documents.map((d) => d.code)).toContain('REPRESENTATIVE_CRIMINAL_RECORD');
    expect(items.find((v) => v.code === 'AMEND')!.overallLimit!.days).toBe(25);
    expect(items.find((v) => v.code === 'AID_APPROVAL')!.versionId).toBe('AID_APPROVAL@D313-2025');
    expect((await catalogue(ngo, '?date=2025-12-07')).find((v) => v.code === 'AID_APPROVAL')!.versionId).toBe('AID_APPROVAL@D80-2020');
    expect((await catalogue(ngo, '?all=true')).filter((v) => v.code === 'AID_APPROVAL')).toHaveLength(2);
  });

  it('lets an administrator edit the provisional Decree 313 parameters, not enacted law', async () => {
    const url = '/api/procedures/versions/AID_APPROVAL@D313-2025';
    const body = { version: 0, overallLimitDays: 25, legalNote: 'Điều 10 Nghị định 313/2025/NĐ-CP (giả định kiểm thử)' };
    expect((await ctx.call(central, { method: 'PATCH', url, payload: body })).statusCode).toBe(403);
    const edited = await ctx.call(admin, { method: 'PATCH', url, payload: body });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().overallLimit.days).toBe(25);
    expect(edited.json().override).toMatchObject({ version: 1, legalNote: body.legalNote });
    expect((await ctx.call(admin, { method: 'PATCH', url, payload: body })).statusCode).toBe(409);
    const aid = (await catalogue(ngo)).find((v) => v.code === 'AID_APPROVAL')!;
    expect(aid.overallLimit!.days).toBe(25);
    // D80 is enacted law: fixed.
    const fixed = await ctx.call(admin, {
      method: 'PATCH',
      url: '/api/procedures/versions/AID_APPROVAL@D80-2020',
      payload: { version: 0, overallLimitDays: 25 },
    });
    expect(fixed.statusCode).toBe(422);
    expect(fixed.json().error.details.rule).toBe('procedure_not_editable');
    const badStep = await ctx.call(admin, { method: 'PATCH', url, payload: { version: 1, stepDeadlineDays: { NOPE: 3 } } });
    expect(badStep.statusCode).toBe(422);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', 'AID_APPROVAL@D313-2025').execute();
    expect(audit.map((a) => a.action)).toEqual(['procedure.override']);
  });
});
