import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedDecisions } from '@domain/calendar';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';

let ctx: TestContext;
let admin: Session;
let central: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.signInAs('admin');
  central = await ctx.signInAs('central');
});
afterAll(async () => ctx?.close());

const get = (url: string, headers: Record<string, string> = {}) => ctx.call(null, { method: 'GET', url, headers });

describe('calendar contract routes', () => {
  it('lists the 2026 non-working days, public, with reasons in the request language', async () => {
    const vi = await get('/api/calendar/non-working-days?year=2026');
    expect(vi.statusCode).toBe(200);
    const body = vi.json();
    expect(body.year).toBe(2026);
    const byDate = new Map(body.days.map((d: { date: string; reason: string }) => [d.date, d.reason]));
    expect(byDate.get('2026-02-17')).toContain('Tết Âm lịch');
    expect(byDate.get('2026-04-27')).toContain('Nghỉ bù');
    expect(byDate.get('2026-01-03')).toBe('Thứ Bảy');
    // Saturday 10/01/2026 was a working day (swap for Friday 02/01).
    expect(byDate.has('2026-01-10')).toBe(false);
    expect(byDate.has('2026-01-02')).toBe(true);
    const en = await get('/api/calendar/non-working-days?year=2026', { 'accept-language': 'en' });
    const enByDate = new Map(en.json().days.map((d: { date: string; reason: string }) => [d.date, d.reason]));
    expect(enByDate.get('2026-01-03')).toBe('Saturday');
    expect(enByDate.get('2026-05-01')).toBe('International Labour Day (1 May)');
  });

  it('adds working days over Tết 2026', async () => {
    // Friday 13/02/2026 + 1 WD skips the weekend and 16–20/02 → Monday 23/02.
    const response = await get('/api/calendar/add-working-days?from=2026-02-13&days=1');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ date: '2026-02-23' });
    expect((await get('/api/calendar/add-working-days?from=2025-04-25&days=1')).json()).toEqual({ date: '2025-04-26' });
  });

  it('refuses bad input with 400', async () => {
    expect((await get('/api/calendar/add-working-days?from=2026-02-30&days=1')).statusCode).toBe(400);
    expect((await get('/api/calendar/add-working-days?from=2026-02-03&days=x')).statusCode).toBe(400);
    expect((await get('/api/calendar/non-working-days?year=1800')).statusCode).toBe(400);
    expect((await get('/api/calendar/non-working-days')).statusCode).toBe(400);
  });
});

describe('holiday decisions (admin)', () => {
  it('is seeded with the published 2025–2026 decisions', async () => {
    const response = await ctx.call(central, { method: 'GET', url: '/api/calendar/decisions' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as {
      date: string;
      kind: string;
      occasion: string | null;
      reasonVi: string;
      reasonEn: string;
      legalRef: string;
    }[];
    expect(
      items.map(({ date, kind, occasion, reasonVi, reasonEn, legalRef }) => ({ date, kind, occasion, reasonVi, reasonEn, legalRef })),
    ).toEqual([...publishedDecisions].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ ...d, occasion: d.occasion ?? null })));
  });

  it('requires sign-in and the admin role to write', async () => {
    const body = { date: '2026-03-07', kind: 'SWAP_WORK', reasonVi: 'Làm bù', reasonEn: 'Working Saturday', legalRef: 'Test' };
    expect((await ctx.call(null, { method: 'POST', url: '/api/calendar/decisions', payload: body })).statusCode).toBe(401);
    expect((await ctx.call(central, { method: 'POST', url: '/api/calendar/decisions', payload: body })).statusCode).toBe(403);
    expect((await ctx.call(null, { method: 'GET', url: '/api/calendar/decisions' })).statusCode).toBe(401);
  });

  it('an admin-entered working Saturday changes the add-working-days answer, and removing it restores it', async () => {
    // Friday 06/03/2026 + 1 WD is Monday 09/03 …
    expect((await get('/api/calendar/add-working-days?from=2026-03-06&days=1')).json()).toEqual({ date: '2026-03-09' });
    const created = await ctx.call(admin, {
      method: 'POST',
      url: '/api/calendar/decisions',
      payload: {
        date: '2026-03-07',
        kind: 'SWAP_WORK',
        reasonVi: 'Làm bù (thử nghiệm)',
        reasonEn: 'Working Saturday (test)',
        legalRef: 'Công văn thử nghiệm 1/VPCP',
      },
    });
    expect(created.statusCode).toBe(201);
    // … until Saturday 07/03 becomes a working day.
    expect((await get('/api/calendar/add-working-days?from=2026-03-06&days=1')).json()).toEqual({ date: '2026-03-07' });
    const days = (await get('/api/calendar/non-working-days?year=2026')).json().days.map((d: { date: string }) => d.date);
    expect(days).not.toContain('2026-03-07');

    const { id, version } = created.json();
    const stale = await ctx.call(admin, { method: 'DELETE', url: `/api/calendar/decisions/${id}?version=${version + 1}` });
    expect(stale.statusCode).toBe(409);
    const removed = await ctx.call(admin, { method: 'DELETE', url: `/api/calendar/decisions/${id}?version=${version}` });
    expect(removed.statusCode).toBe(200);
    expect((await get('/api/calendar/add-working-days?from=2026-03-06&days=1')).json()).toEqual({ date: '2026-03-09' });
  });

  it('an extra day off moves deadlines out, and edits are audited', async () => {
    const created = await ctx.call(admin, {
      method: 'POST',
      url: '/api/calendar/decisions',
      payload: { date: '2026-03-09', kind: 'EXTRA_OFF', reasonVi: 'Nghỉ thêm', reasonEn: 'Extra day off', legalRef: 'QĐ thử nghiệm' },
    });
    expect(created.statusCode).toBe(201);
    expect((await get('/api/calendar/add-working-days?from=2026-03-06&days=1')).json()).toEqual({ date: '2026-03-10' });
    const edited = await ctx.call(admin, {
      method: 'PATCH',
      url: `/api/calendar/decisions/${created.json().id}`,
      payload: { version: 1, date: '2026-03-10' },
    });
    expect(edited.statusCode).toBe(200);
    expect((await get('/api/calendar/add-working-days?from=2026-03-06&days=1')).json()).toEqual({ date: '2026-03-09' });
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', created.json().id).execute();
    expect(audit.map((a) => a.action)).toEqual(['calendar.decision.create', 'calendar.decision.update']);
  });

  it('refuses a decision that breaks the calendar rules, and a duplicate date', async () => {
    // A working swap on a Wednesday makes no sense.
    const bad = await ctx.call(admin, {
      method: 'POST',
      url: '/api/calendar/decisions',
      payload: { date: '2026-03-11', kind: 'SWAP_WORK', reasonVi: 'x', reasonEn: 'x', legalRef: 'x' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('calendar_decision_invalid');
    const duplicate = await ctx.call(admin, {
      method: 'POST',
      url: '/api/calendar/decisions',
      payload: { date: '2026-01-01', kind: 'HOLIDAY', occasion: 'NEW_YEAR', reasonVi: 'x', reasonEn: 'x', legalRef: 'x' },
    });
    expect(duplicate.statusCode).toBe(409);
    const missing = await ctx.call(admin, { method: 'POST', url: '/api/calendar/decisions', payload: { date: '2026-03-12' } });
    expect(missing.statusCode).toBe(400);
  });

  it('turns on Ngày Văn hóa Việt Nam (24/11) from a configured year', async () => {
    const before = (await get('/api/calendar/non-working-days?year=2027')).json().days.map((d: { date: string }) => d.date);
    expect(before).not.toContain('2027-11-24');
    const settings = (await ctx.call(admin, { method: 'GET', url: '/api/calendar/settings' })).json();
    const put = await ctx.call(admin, {
      method: 'PUT',
      url: '/api/calendar/settings',
      payload: { cultureDayFromYear: 2027, version: settings.version },
    });
    expect(put.statusCode).toBe(200);
    const after = (await get('/api/calendar/non-working-days?year=2027')).json().days.map((d: { date: string }) => d.date);
    expect(after).toContain('2027-11-24');
  });
});
