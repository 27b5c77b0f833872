import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/support/test-app';
import { buildAidItem, buildDemoOrganisations } from '@modules/aid/aid.fixtures';
import { parseExport } from '@modules/iati/iati.test-support';
import { validateAgainstSchema } from '@modules/iati/xml/validate-xsd';
import { seedProgrammeDemo } from './seed';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
  await buildDemoOrganisations(t.db, 4);
  await buildAidItem(t.db, { status: 'IMPLEMENTING', provinces: [['new34:44', '100']], sectors: [['KPHQCT', '100']] });
  await t.db.transaction().execute((trx) => seedProgrammeDemo(trx));
});
afterAll(async () => t?.close());

describe('needs catalogue demo step', () => {
  it('publishes at least 20 synthetic proposals from several provinces and ministries, one funded by an aid item', async () => {
    const list = (await t.call(null, { method: 'GET', url: '/api/public/needs?pageSize=200' })).json();
    expect(list.total).toBeGreaterThanOrEqual(20);
    const agencies = new Set(list.items.map((i: { proposedBy: string }) => i.proposedBy));
    expect([...agencies].filter((a) => String(a).startsWith('UBND:')).length).toBeGreaterThanOrEqual(5);
    expect([...agencies].filter((a) => !String(a).startsWith('UBND:')).length).toBeGreaterThanOrEqual(3);
    expect(list.items.every((i: { synthetic: boolean }) => i.synthetic)).toBe(true);
    const funded = list.items.filter((i: { status: string }) => i.status === 'FUNDED');
    expect(funded).toHaveLength(1);
    const detail = (await t.call(null, { method: 'GET', url: `/api/public/needs/${funded[0].id}` })).json();
    expect(detail.fundings).toHaveLength(1);
    expect(detail.mobilised).toBe('350000');
    expect(
      Number(
        (
          await t.db
            .selectFrom('need_interests')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThanOrEqual(5);
  });

  it('publishes the demo proposals still seeking aid as an IATI pipeline document valid against the XSD and the Ruleset', async () => {
    const response = await t.call(null, { method: 'GET', url: '/api/public/iati/pipeline.xml' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-vnaid-synthetic']).toBe('true');
    expect(await validateAgainstSchema(response.body, 'activities')).toEqual({ valid: true, errors: [] });
    const activities = await parseExport(response.body);
    const published = (await t.call(null, { method: 'GET', url: '/api/public/needs?pageSize=200' })).json();
    const open = published.items.filter((i: { status: string }) => i.status === 'PUBLISHED');
    expect(activities.map((a) => a.activity.identifier).sort()).toEqual(open.map((i: { code: string }) => `VN-COA-014-${i.code}`).sort());
  });

  it('attaches synthetic documents to a few published proposals, downloadable by the public', async () => {
    const list = (await t.call(null, { method: 'GET', url: '/api/public/needs?q=NC-2026-0001' })).json();
    const detail = (await t.call(null, { method: 'GET', url: `/api/public/needs/${list.items[0].id}` })).json();
    expect(detail.documents.map((d: { kind: string }) => d.kind).sort()).toEqual(['BUDGET', 'CONCEPT_NOTE']);
    const file = await t.call(null, { method: 'GET', url: `/api/public/needs/${detail.id}/documents/${detail.documents[0].id}` });
    expect(file.statusCode).toBe(200);
    expect(file.body).toMatch(/^%PDF-.*synthetic demo document/s);
    expect(file.headers['x-content-sha256']).toBe(detail.documents[0].sha256);
  });
});
