import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeActivities } from '@domain/iati/serialize';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { activitiesForEveryModality, complexActivity } from '../../../test/fixtures/iati/activities';
import { runPendingJobs } from '../../jobs/worker';
import { importLimits } from './iati-import.service';
import { buildOrganisation } from '@modules/aid/aid.fixtures';
import { multipartFile, useTempDataDir } from './iati.test-support';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/iati/', import.meta.url));
const fixture = (name: string) => readFileSync(FIXTURES + name);
const exampleFile = () =>
  Buffer.from(serializeActivities([...activitiesForEveryModality(), complexActivity()], { generatedAt: '2026-11-01T00:00:00Z' }));

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

const upload = (session: Session | null, name: string, content: Buffer, lang = 'en') => {
  const { payload, headers } = multipartFile(name, content);
  return t.call(session, { method: 'POST', url: '/api/iati/imports', payload, headers: { ...headers, 'accept-language': lang } });
};
const apply = (id: string, session = admin) =>
  t.call(session, { method: 'POST', url: `/api/iati/imports/${id}/apply`, payload: { confirm: true } });
/** Row counts of every table an import may write. */
const snapshot = async () => {
  const count = async (
    table:
      'aid_items' | 'aid_transactions' | 'aid_locations' | 'aid_sectors' | 'aid_partners' | 'iati_activity_sources' | 'iati_org_candidates',
  ) =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    items: await count('aid_items'),
    transactions: await count('aid_transactions'),
    locations: await count('aid_locations'),
    sectors: await count('aid_sectors'),
    partners: await count('aid_partners'),
    sources: await count('iati_activity_sources'),
    candidates: await count('iati_org_candidates'),
  };
};

describe('IATI import: access', () => {
  it('refuses anonymous callers (401) and officers without national scope (403)', async () => {
    expect((await upload(null, 'a.xml', exampleFile())).statusCode).toBe(401);
    const agency = await t.signInAs('agency', { agencyId: 'UBND:new34:04' });
    expect((await upload(agency, 'a.xml', exampleFile())).statusCode).toBe(403);
    const ngo = await t.signInAs('ngo', { organisationId: (await buildOrganisation(t.db)).id });
    expect((await t.call(ngo, { method: 'GET', url: '/api/iati/imports' })).statusCode).toBe(403);
  });

  it('needs a multipart body with a file (415, 400)', async () => {
    const json = await t.call(admin, { method: 'POST', url: '/api/iati/imports', payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
  });
});

describe('IATI import: dry run, then apply all or nothing', () => {
  let importId: string;

  it('dry-runs an upload: what would be created and left out and why, changing nothing', async () => {
    const before = await snapshot();
    const response = await upload(admin, 'vnaid-export.xml', exampleFile());
    expect(response.statusCode).toBe(201);
    const view = response.json();
    importId = view.id;
    expect(view.status).toBe('PLANNED');
    expect(view.report.counts).toEqual({
      activities: 5,
      vietnam: 5,
      created: 5,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      transactionsKept: 12,
      partsLeftOut: 1,
    });
    // The complex activity's expenditure correction is kept (a kind of its own); its incoming pledge is not money vnaid holds.
    expect(view.report.partsLeftOutByReason).toEqual({ transaction_type_not_kept: 1 });
    const complex = view.report.created.find((e: { identifier: string }) => e.identifier.endsWith('-9'));
    expect(complex.leftOut.map((p: { reason: string }) => p.reason)).toEqual(['transaction_type_not_kept']);
    expect(complex.donor).toMatchObject({ name: 'Example Relief International', ref: 'XI-IATI-EXAMPLE', match: 'none' });
    expect(await snapshot()).toEqual(before);
    // The file is kept for the apply, under VNAID_DATA_DIR/imports/.
    expect(readFileSync(`${dataDir}/imports/${importId}.xml`).length).toBe(view.bytes);
  });

  it('applies it in one transaction and reports what was done', async () => {
    const response = await apply(importId);
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view.status).toBe('APPLIED');
    expect(view.result.counts).toMatchObject({ created: 5, transactionsKept: 12 });
    const item = await t.db
      .selectFrom('aid_items')
      .selectAll()
      .where('iati_identifier', '=', 'XI-IATI-EXAMPLE-M1')
      .executeTakeFirstOrThrow();
    expect(item).toMatchObject({
      modality: 'PROJECT',
      status: 'IMPLEMENTING',
      other_donor_name: 'Example Relief International',
      approval_decision_number: '123/QĐ-UBND',
    });
    const money = await t.db
      .selectFrom('aid_transactions')
      .select(['kind', 'amount', 'currency', 'source'])
      .where('aid_item_id', '=', item.id)
      .orderBy('tx_date')
      .execute();
    expect(money).toEqual([
      { kind: 'COMMITMENT', amount: '250000.00', currency: 'USD', source: 'IATI' },
      { kind: 'DISBURSEMENT', amount: '100000.50', currency: 'USD', source: 'IATI' },
    ]);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', item.id).execute();
    expect(audit.map((a) => a.action)).toContain('aid_item.iati_create');
    expect(() => readFileSync(`${dataDir}/imports/${importId}.xml`)).toThrow();
  });

  it('refuses to apply the same import twice (409)', async () => {
    const again = await apply(importId);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('iati_import_not_ready');
  });

  it('updates by IATI identifier on a second import: nothing duplicated, unchanged items reported and not rewritten', async () => {
    const before = await snapshot();
    const versions = async () => await t.db.selectFrom('aid_items').select(['id', 'version']).orderBy('id').execute();
    const audited = async () =>
      Number(
        (
          await t.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('entity_type', '=', 'aid_item')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [versionsBefore, auditBefore] = [await versions(), await audited()];
    const second = (await upload(admin, 'again.xml', exampleFile())).json();
    expect(second.report.counts).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(second.report.updated).toEqual([]);
    expect((await apply(second.id)).json().status).toBe('APPLIED');
    expect(await snapshot()).toEqual(before);
    expect(await versions()).toEqual(versionsBefore);
    expect(await audited()).toBe(auditBefore);
  });

  // A file changed between the dry run and the apply, and the rollback of a file that turns bad while it is
  // applied: iati-import.rules.test.ts.

  it('lists imports newest first, paginated and filterable by status', async () => {
    const list = (await t.call(admin, { method: 'GET', url: '/api/iati/imports?status=APPLIED&pageSize=1' })).json();
    expect(list).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(list.items[0]).toMatchObject({ fileName: 'again.xml', status: 'APPLIED' });
  });
});

describe('IATI import: large files go through the job worker', () => {
  it('checks and applies in background jobs the page polls', async () => {
    const inline = importLimits.inlineBytes;
    importLimits.inlineBytes = 100;
    try {
      const file = Buffer.from(
        serializeActivities(
          activitiesForEveryModality().map((a, i) => ({ ...a, identifier: `XI-IATI-JOB-${i}` })),
          { generatedAt: '2026-11-01T00:00:00Z' },
        ),
      );
      const view = (await upload(admin, 'large.xml', file)).json();
      expect(view).toMatchObject({ status: 'PLANNING', jobId: expect.any(String), counts: null });
      expect(await runPendingJobs(t.db, dataDir)).toBe(1);
      const planned = (await t.call(admin, { method: 'GET', url: `/api/iati/imports/${view.id}` })).json();
      expect(planned).toMatchObject({ status: 'PLANNED', counts: { created: 4 } });
      expect((await apply(view.id)).json().status).toBe('APPLYING');
      expect(await runPendingJobs(t.db, dataDir)).toBe(1);
      const applied = (await t.call(admin, { method: 'GET', url: `/api/iati/imports/${view.id}` })).json();
      expect(applied).toMatchObject({ status: 'APPLIED', result: { counts: { created: 4 } } });
      const audit = await t.db
        .selectFrom('audit_log')
        .select('actor_user_id')
        .where('action', '=', 'aid_item.iati_create')
        .where('after', '@>', JSON.stringify({ importId: view.id }))
        .execute();
      expect(audit).toHaveLength(4);
      expect(audit.every((a) => a.actor_user_id === admin.userId)).toBe(true);
    } finally {
      importLimits.inlineBytes = inline;
    }
  });
});

describe('IATI import: third-party files', () => {
  it('reads a 2.02 file without default currency, with duplicates, regions and other vocabularies', async () => {
    const view = (await upload(admin, 'third-party.xml', fixture('third-party-2.02.xml'))).json();
    const r = view.report;
    expect(r.counts).toMatchObject({ activities: 9, vietnam: 6, created: 5, skipped: 4 });
    expect(r.skippedByReason).toEqual({ not_vietnam: 2, duplicate_identifier: 1, invalid_activity: 1 });
    const region = r.skipped.find((e: { identifier: string }) => e.identifier === 'XI-IATI-TP-002');
    expect(region.detail).toContain('region 789 (weak)');
    const reasons = (id: string) =>
      r.created.find((e: { identifier: string }) => e.identifier === id).leftOut.map((p: { reason: string }) => p.reason);
    expect(reasons('XI-IATI-TP-007')).toEqual(['transaction_currency_unknown']);
    expect(reasons('XI-IATI-TP-004')).toEqual(['sector_vocabulary_not_mapped']);
    expect(reasons('XI-IATI-TP-008').sort()).toEqual(['location_unresolved', 'role_unknown', 'transaction_amount_invalid']);
    expect((await apply(view.id)).json().status).toBe('APPLIED');
    const hanoi = await t.db
      .selectFrom('aid_items as i')
      .innerJoin('aid_locations as l', 'l.aid_item_id', 'i.id')
      .select(['l.province_id', 'i.status', 'i.title_vi', 'i.title_en'])
      .where('i.iati_identifier', '=', 'XI-IATI-TP-001')
      .executeTakeFirstOrThrow();
    // Implementing, but without a Vietnamese approval decision: recorded as not yet approved in Viet Nam.
    expect(r.created.find((e: { identifier: string }) => e.identifier === 'XI-IATI-TP-001').notes).toContain('status_pipeline_no_approval');
    expect(hanoi).toEqual({
      province_id: 'old63:01',
      status: 'PIPELINE',
      title_vi: 'Sức khỏe bà mẹ tại Hà Nội',
      title_en: 'Maternal health in Hanoi',
    });
    const sectors = await t.db
      .selectFrom('aid_sectors as s')
      .innerJoin('aid_items as i', 'i.id', 's.aid_item_id')
      .select(['s.sector_code', 's.share'])
      .where('i.iati_identifier', '=', 'XI-IATI-TP-001')
      .orderBy('s.sector_code')
      .execute();
    expect(sectors).toEqual([
      { sector_code: 'NLNN', share: '40.00' },
      { sector_code: 'YTE', share: '60.00' },
    ]);
  });
});

describe('IATI import: versions', () => {
  it.each(['2.01', '2.02', '2.03'])('reads a version %s file the same way', async (version) => {
    const text = fixture('third-party-2.02.xml').toString('utf8').replace('version="2.02"', `version="${version}"`);
    const report = (await upload(admin, `v${version}.xml`, Buffer.from(text))).json().report;
    expect(report.counts).toMatchObject({ activities: 9, vietnam: 6, skipped: 4 });
  });
});

describe('IATI import: bad input gets a clear error and changes nothing', () => {
  it.each([
    ['truncated.xml', 400, 'iati_truncated'],
    ['latin1-declared.xml', 400, 'iati_bad_encoding'],
    ['utf16le-bom.xml', 400, 'iati_bad_encoding'],
    ['billion-laughs.xml', 400, 'iati_entity_forbidden'],
    ['external-entity.xml', 400, 'iati_entity_forbidden'],
    ['wrong-root.xml', 422, 'iati_wrong_root'],
    ['legacy-1.03.xml', 422, 'iati_unsupported_version'],
    ['upstream/organisation-standard-example-annotated-2.03.xml', 422, 'iati_wrong_root'],
  ])('%s → %i %s', async (name, status, code) => {
    const before = await snapshot();
    const response = await upload(admin, name, fixture(name));
    expect(response.statusCode).toBe(status);
    const body = response.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/Nothing was changed/);
    expect(await snapshot()).toEqual(before);
  });

  it('answers in Vietnamese by default', async () => {
    const response = await upload(admin, 'x.xml', Buffer.from('<html><body>not iati</body></html>'), 'vi');
    expect(response.statusCode).toBe(422);
    expect(response.json().error.message).toContain('Không có dữ liệu nào bị thay đổi');
  });

  it('refuses a file over the size limit with 413 iati_too_large', async () => {
    const limit = importLimits.maxBytes;
    importLimits.maxBytes = 2000;
    try {
      const before = await snapshot();
      const response = await upload(admin, 'big.xml', exampleFile());
      expect(response.statusCode).toBe(413);
      expect(response.json().error).toMatchObject({
        code: 'iati_too_large',
        message: 'The file is larger than the limit of 2000 bytes. Nothing was changed.',
      });
      expect(await snapshot()).toEqual(before);
    } finally {
      importLimits.maxBytes = limit;
    }
  });
});
