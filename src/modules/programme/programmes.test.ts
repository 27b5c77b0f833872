import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';

let t: TestContext;
let central: Session;

beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
});
afterAll(async () => t.close());

describe('GET /api/public/programmes (contract)', () => {
  it('lists Decision 1225/QĐ-TTg (2019–2025) first, then the provisional 2026–2030 orientation, with priorities and indicators', async () => {
    const response = await t.call(null, { method: 'GET', url: '/api/public/programmes' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items.map((p: { decision: string | null; from: number; to: number }) => [p.decision, p.from, p.to])).toEqual([
      ['1225/QĐ-TTg', 2019, 2025],
      [null, 2026, 2030],
    ]);
    const [p1225, p2026] = items;
    for (const p of items) {
      expect(Object.keys(p)).toEqual(
        expect.arrayContaining(['code', 'titleVi', 'titleEn', 'decision', 'from', 'to', 'priorities', 'indicators']),
      );
      for (const priority of p.priorities)
        expect(priority).toEqual(
          expect.objectContaining({ code: expect.any(String), nameVi: expect.any(String), nameEn: expect.any(String) }),
        );
      for (const indicator of p.indicators)
        expect(Object.keys(indicator)).toEqual(expect.arrayContaining(['code', 'nameVi', 'nameEn', 'target', 'unit']));
    }
    expect(p1225.priorities).toHaveLength(8);
    expect(p2026.provisional).toBe(true);
    expect(p2026.priorities.map((p: { nameEn: string }) => p.nameEn)).toEqual([
      'Health',
      'Education and human resources',
      'Science, technology and innovation',
      'Sustainable rural development',
      'Environment and climate change',
      'War legacies',
      'Vulnerable groups',
    ]);
    expect(p2026.priorities.find((p: { code: string }) => p.code === 'STI').sectorCodes).toEqual(['KHCN']);
  });
});

describe('editing a programme', () => {
  it('keeps every version, audits the change and refuses a stale version with 409', async () => {
    const current = (await t.call(null, { method: 'GET', url: '/api/public/programmes/NP-2026-2030' })).json();
    const content = {
      ...current.content,
      decision: { number: '99/QĐ-TTg', date: '2026-03-01', signer: 'Thủ tướng Chính phủ', effectiveFrom: null },
    };
    const saved = await t.call(central, {
      method: 'PUT',
      url: '/api/programmes/NP-2026-2030',
      payload: { version: current.version, content },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(current.version + 1);
    const stale = await t.call(central, {
      method: 'PUT',
      url: '/api/programmes/NP-2026-2030',
      payload: { version: current.version, content },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const versions = (await t.call(central, { method: 'GET', url: '/api/programmes/NP-2026-2030/versions' })).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([current.version + 1, current.version]);
    expect(versions[1].content.decision).toBeNull();
    const audit = await t.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_type', '=', 'programme').execute();
    expect(audit).toEqual([{ action: 'programme.update', entity_id: 'NP-2026-2030' }]);
    const list = (await t.call(null, { method: 'GET', url: '/api/public/programmes' })).json().items;
    expect(list[1].decision).toBe('99/QĐ-TTg');
  });

  it('refuses agency officers (403), an unknown sector (400) and a period that runs backwards (400), changing nothing', async () => {
    const agency = await t.signInAs('agency', { agencyId: 'MOH' });
    const current = (await t.call(null, { method: 'GET', url: '/api/public/programmes/NP-2019-2025' })).json();
    const put = (session: Session, content: unknown) =>
      t.call(session, { method: 'PUT', url: '/api/programmes/NP-2019-2025', payload: { version: current.version, content } });
    expect((await put(agency, current.content)).statusCode).toBe(403);
    const badSector = { ...current.content, priorities: [{ ...current.content.priorities[0], sectorCodes: ['NOPE'] }] };
    const unknown = await put(central, badSector);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('unknown_reference');
    expect((await put(central, { ...current.content, from: 2026, to: 2020 })).statusCode).toBe(400);
    expect((await t.call(null, { method: 'GET', url: '/api/public/programmes/NP-2019-2025' })).json().version).toBe(current.version);
  });
});
