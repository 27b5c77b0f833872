import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/support/test-app';
import { buildAidItem, buildOrganisation } from '@modules/aid/aid.fixtures';

/**
 * Issue 11, defects 9 and 10: inputs that answered 500 (a year-0 date, a NUL byte, an unknown agency) or were
 * accepted although dangerous (a `javascript:` website) are refused with 400, and nothing changes.
 */
let t: TestContext;
let admin: Session;
let item: { id: string };

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.signInAs('admin');
  item = await buildAidItem(t.db, { status: 'IMPLEMENTING' });
});
afterAll(async () => t?.close());

const count = async (table: string) => Number((await t.pool.query(`select count(*) as n from ${table}`)).rows[0].n);

describe('dates: one primitive refuses year 0 and impossible days', () => {
  const dates = ['0000-01-01', '9999-99-99', '2025-02-30', '2025-13-01'];

  it('in an aid item, a transaction and an exchange rate: 400 validation_failed, nothing written', async () => {
    const before = [await count('aid_items'), await count('aid_transactions'), await count('exchange_rates')];
    for (const date of dates) {
      const writes = [
        { url: '/api/aid', payload: { modality: 'PROJECT', titleVi: 'Dự án ngày sai', plannedStart: date } },
        { url: `/api/aid/${item.id}/transactions`, payload: { kind: 'DISBURSEMENT', date, amount: '10', currency: 'USD' } },
        { url: '/api/exchange-rates', payload: { currency: 'EUR', date, usdPerUnit: '1.1', vndPerUnit: '27000' } },
      ];
      for (const write of writes) {
        const response = await t.call(admin, { method: 'POST', ...write });
        expect(response.statusCode, `${write.url} ${date}: ${response.body}`).toBe(400);
        expect(response.json().error.code).toBe('validation_failed');
      }
    }
    expect([await count('aid_items'), await count('aid_transactions'), await count('exchange_rates')]).toEqual(before);
  });

  it('still accepts a real leap day', async () => {
    const response = await t.call(admin, {
      method: 'POST',
      url: `/api/aid/${item.id}/transactions`,
      payload: { kind: 'DISBURSEMENT', date: '2024-02-29', amount: '10', currency: 'USD' },
    });
    expect(response.statusCode, response.body).toBe(201);
  });
});

describe('NUL bytes: 400 wherever they come', () => {
  it('in a public query string (anonymous)', async () => {
    const response = await t.call(null, { method: 'GET', url: '/api/public/organisations?q=%00' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation_failed', details: { issues: [{ path: 'querystring.q' }] } });
  });

  it('in a JSON body, nested, and in a key', async () => {
    const nested = await t.call(admin, {
      method: 'POST',
      url: '/api/aid',
      payload: { modality: 'PROJECT', titleVi: 'Dự án', partners: [{ name: 'a\u0000b' }] },
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.details.issues[0].path).toBe('body.partners.0.name');
    const key = await t.call(admin, { method: 'POST', url: '/api/aid', payload: { 'x\u0000': 1, modality: 'PROJECT', titleVi: 'Dự án' } });
    expect(key.statusCode).toBe(400);
  });

  it('in a path parameter', async () => {
    const response = await t.call(admin, { method: 'GET', url: '/api/organisations/%00' });
    expect(response.statusCode).toBe(400);
  });
});

describe('unknown references on an account: 400 unknown_reference', () => {
  it('on create and on update', async () => {
    const created = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'nobody.agency', displayName: 'X', role: 'agency', agencyId: 'NO-SUCH-AGENCY', password: 'Long-enough-pass-42' },
    });
    expect(created.statusCode, created.body).toBe(400);
    expect(created.json().error).toMatchObject({ code: 'unknown_reference', details: { issues: [{ path: 'body.agencyId' }] } });
    expect((await t.pool.query(`select 1 from users where username = 'nobody.agency'`)).rowCount).toBe(0);

    const user = await t.createUser('agency', { agencyId: 'MOH' });
    const { version } = (await t.pool.query('select version from users where id = $1', [user.id])).rows[0];
    const updated = await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { version, agencyId: 'NO-SUCH-AGENCY' },
    });
    expect(updated.statusCode, updated.body).toBe(400);
    expect(updated.json().error.code).toBe('unknown_reference');
    expect((await t.pool.query('select agency_id from users where id = $1', [user.id])).rows[0].agency_id).toBe('MOH');
  });
});

describe('websites: http(s) only', () => {
  const refused = [
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.org',
  ];

  it('refuses script and data URLs on an organisation (officer and NGO forms), accepts https', async () => {
    for (const website of refused) {
      const response = await t.call(admin, {
        method: 'POST',
        url: '/api/organisations',
        payload: { nameOriginal: 'Web Test NGO', countryCode: 'GB', website },
      });
      expect(response.statusCode, website).toBe(400);
    }
    const org = await buildOrganisation(t.db);
    const ngo = await t.signInAs('ngo', { organisationId: org.id });
    const { version } = (await t.pool.query('select version from organisations where id = $1', [org.id])).rows[0];
    const own = await t.call(ngo, {
      method: 'PATCH',
      url: '/api/my-organisation/contacts',
      payload: { version, website: 'javascript:alert(1)' },
    });
    expect(own.statusCode).toBe(400);
    expect((await t.pool.query('select website from organisations where id = $1', [org.id])).rows[0].website).toBeNull();
    const ok = await t.call(ngo, {
      method: 'PATCH',
      url: '/api/my-organisation/contacts',
      payload: { version, website: 'https://example.org/vi' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('field messages in the reader’s language (issue 17 §2)', () => {
  it('says "UUID không hợp lệ" on a Vietnamese screen and "Invalid UUID" on an English one', async () => {
    const ask = (lang: string) =>
      t.call(admin, { method: 'GET', url: '/api/aid/not-a-uuid', headers: { 'accept-language': lang } }).then((r) => r.json().error);
    const [vi, en] = [await ask('vi'), await ask('en')];
    expect(vi.details.issues).toEqual([{ path: 'params.id', message: 'UUID không hợp lệ' }]);
    expect(en.details.issues).toEqual([{ path: 'params.id', message: 'Invalid UUID' }]);
  });
});
