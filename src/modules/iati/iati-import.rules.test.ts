import { rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeActivities } from '@domain/iati/serialize';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { buildActivity } from '../../../test/fixtures/iati/activities';
import { applyImport, ImportAborted, runSettings } from './iati-import.run';
import { multipartFile, useTempDataDir } from './iati.test-support';

let t: TestContext;
let dataDir: string;
let admin: Session;

beforeAll(async () => {
  dataDir = useTempDataDir();
  t = await createTestContext();
  admin = await t.signInAs('admin');
});
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const file = (prefix: string, overrides: Parameters<typeof buildActivity>[0][] = [{}, {}]) =>
  Buffer.from(
    serializeActivities(
      overrides.map((o, i) => buildActivity({ identifier: `XI-IATI-${prefix}-${i}`, ...o })),
      { generatedAt: '2026-11-01T00:00:00Z' },
    ),
  );
const upload = (name: string, content: Buffer) => {
  const { payload, headers } = multipartFile(name, content);
  return t.call(admin, { method: 'POST', url: '/api/iati/imports', payload, headers });
};
const apply = (id: string, lang = 'en') =>
  t.call(admin, { method: 'POST', url: `/api/iati/imports/${id}/apply`, payload: { confirm: true }, headers: { 'accept-language': lang } });
const itemCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('aid_items')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const auditOf = async (entityId: string) =>
  (await t.call(admin, { method: 'GET', url: `/api/audit?entityType=aid_item&entityId=${entityId}` })).json().items as {
    action: string;
    before: unknown;
    after: { iatiIdentifier?: string };
  }[];

describe('IATI import: the rules of manual entry, and the audit trail', () => {
  it('leaves out, in the dry run, an item manual entry would refuse, with the rules it breaks', async () => {
    const view = (
      await upload(
        'rules.xml',
        file('RULES', [
          {},
          { dates: { plannedStart: '2024-05-01', plannedEnd: '2024-01-01', actualStart: '2024-05-02' } },
          { approval: undefined },
        ]),
      )
    ).json();
    expect(view.report.counts).toMatchObject({ activities: 3, created: 2, skipped: 1 });
    expect(view.report.skippedByReason).toEqual({ rules_failed: 1 });
    expect(view.report.skipped[0]).toMatchObject({ identifier: 'XI-IATI-RULES-1', reason: 'rules_failed' });
    expect(view.report.skipped[0].detail).toContain('body.plannedEnd: must not be before the planned start');
    // Implementing without a Vietnamese approval decision: manual entry refuses that status, so it is recorded
    // as not yet approved in Viet Nam, and the report says so.
    const unapproved = view.report.created.find((e: { identifier: string }) => e.identifier === 'XI-IATI-RULES-2');
    expect(unapproved.notes).toContain('status_pipeline_no_approval');

    expect((await apply(view.id)).json().status).toBe('APPLIED');
    const stored = await t.db
      .selectFrom('aid_items')
      .select(['id', 'iati_identifier', 'status'])
      .where('iati_identifier', 'like', 'XI-IATI-RULES-%')
      .orderBy('iati_identifier')
      .execute();
    expect(stored.map((s) => [s.iati_identifier, s.status])).toEqual([
      ['XI-IATI-RULES-0', 'IMPLEMENTING'],
      ['XI-IATI-RULES-2', 'PIPELINE'],
    ]);
    // The audit trail lists each imported item, written in the same transaction as the item.
    for (const s of stored) {
      const entries = await auditOf(s.id);
      expect(entries.map((e) => e.action)).toEqual(['aid_item.iati_create']);
      expect(entries[0]!.after.iatiIdentifier).toBe(s.iati_identifier);
    }
  });

  it('audits an update with the record before and after', async () => {
    const view = (await upload('rules-again.xml', file('RULES', [{ titles: { vi: 'Tiêu đề mới', en: 'New title' } }]))).json();
    expect(view.report.counts).toMatchObject({ updated: 1, unchanged: 0 });
    expect((await apply(view.id)).json().status).toBe('APPLIED');
    const item = await t.db.selectFrom('aid_items').select('id').where('iati_identifier', '=', 'XI-IATI-RULES-0').executeTakeFirstOrThrow();
    const update = (await auditOf(item.id)).find((e) => e.action === 'aid_item.iati_update')!;
    expect(update.before).toMatchObject({ title_vi: 'Nước sạch cho các xã vùng cao', changes: expect.arrayContaining(['title_vi']) });
    expect(update.after).toMatchObject({ title_vi: 'Tiêu đề mới' });
  });
});

describe('IATI import: the applied file is the one the dry run checked', () => {
  it('refuses to apply a file changed since its dry run (409, vi and en), writing nothing', async () => {
    const content = file('SHA-CHANGED');
    const view = (await upload('changed.xml', content)).json();
    expect(view.report.counts.created).toBe(2);
    const before = await itemCount();
    writeFileSync(`${dataDir}/imports/${view.id}.xml`, content.toString('utf8').replace('XI-IATI-SHA-CHANGED-1', 'XI-IATI-SHA-CHANGED-X'));
    const en = await apply(view.id);
    expect(en.statusCode).toBe(409);
    expect(en.json().error).toMatchObject({ code: 'iati_file_changed', details: { reason: 'changed' } });
    expect(en.json().error.message).toMatch(/changed or disappeared.*Nothing was changed/);
    const vi = await apply(view.id, 'vi');
    expect(vi.statusCode).toBe(409);
    expect(vi.json().error.message).toContain('Không có dữ liệu nào bị thay đổi');
    expect(await itemCount()).toBe(before);
    const after = (await t.call(admin, { method: 'GET', url: `/api/iati/imports/${view.id}` })).json();
    expect(after).toMatchObject({ status: 'FAILED', error: { code: 'iati_file_changed' } });
  });

  it('refuses to apply a file that vanished (409), writing nothing', async () => {
    const view = (await upload('vanished.xml', file('SHA-GONE'))).json();
    const before = await itemCount();
    unlinkSync(`${dataDir}/imports/${view.id}.xml`);
    const response = await apply(view.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'iati_file_changed', details: { reason: 'missing' } });
    expect(await itemCount()).toBe(before);
  });

  it('rolls back every batch already written when the file turns out bad during the apply', async () => {
    const content = file('ROLLBACK', [{}, {}, {}, {}]);
    const cut = content.subarray(0, Math.floor(content.length * 0.8));
    const before = await itemCount();
    runSettings.batch = 1;
    const error = await applyImport(t.db, { actor: null, label: 'test' }, { open: () => Readable.from([cut]), bytes: cut.length })
      .catch((e: unknown) => e)
      .finally(() => (runSettings.batch = 250));
    expect(error).toBeInstanceOf(ImportAborted);
    // Activities had been written one batch at a time before the cut was met; none of them is left.
    expect((error as ImportAborted).report.counts.created).toBeGreaterThan(0);
    expect((error as ImportAborted).report.fatal?.code).toBe('iati_truncated');
    expect(await itemCount()).toBe(before);
  });
});
