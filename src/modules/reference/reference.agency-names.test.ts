import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

type Agency = { id: string; nameVi: string };

describe('agency names in the reference data (issue 17 §3)', () => {
  it('writes the unit word in lower case after "Ủy ban nhân dân", for current and former units', async () => {
    const all: Agency[] = (await t.app.inject({ url: '/api/reference/agencies?current=0' })).json().items;
    expect(all.filter((a) => /^Ủy ban nhân dân (Tỉnh|Thành phố) /.test(a.nameVi)).map((a) => a.nameVi)).toEqual([]);
    const byId = new Map(all.map((a) => [a.id, a.nameVi]));
    expect(byId.get('UBND:new34:04')).toBe('Ủy ban nhân dân tỉnh Cao Bằng');
    expect(byId.get('UBND:new34:01')).toBe('Ủy ban nhân dân thành phố Hà Nội');
    expect(byId.get('UBND:old63:02')).toBe('Ủy ban nhân dân tỉnh Hà Giang');
  });
});
