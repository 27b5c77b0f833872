import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import { uploadList } from './registry-import.test-support';

let t: TestContext;
let central: Session;
beforeAll(async () => {
  t = await createTestContext();
  central = await t.signInAs('central');
});
afterAll(async () => t.close());

const HEADER = [
  'org_code,name_original,country,certificate_type,certificate_number,issue_date,valid_until,provinces,sectors,office_province',
  'decision_number,decision_date,extended_until,extension_decision_number,extension_decision_date',
  'end_kind,ended_on,end_decision_number,end_decision_date,end_legal_ground',
].join(',');
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const upload = (content: string, options: { dryRun?: boolean; lang?: string } = {}) => uploadList(t, central, content, 'list.csv', options);

/** The certificate as the officers' API shows it today. */
async function certificate(number: string) {
  const row = await t.db.selectFrom('certificates').select('id').where('number', '=', number).executeTakeFirstOrThrow();
  return (await t.call(central, { method: 'GET', url: `/api/certificates/${row.id}?asOf=2026-11-01` })).json();
}

describe('legacy import of a certificate’s later life', () => {
  it('records an extension and an end through the lifecycle, with the decisions in the history', async () => {
    const response = await upload(
      csv(
        'HIS-001,History One,GB,GDKHD,HIS/1,2023-01-10,2026-01-10,new34:04,YTE,,1/QĐ-BNG,2023-01-05,2029-01-10,2/QĐ-BNG,2025-11-01,,,,,',
        'HIS-002,History Two,GB,GDKHD,HIS/2,2023-01-10,2026-01-10,new34:04,YTE,,3/QĐ-BNG,2023-01-05,,,,REVOKED,2024-06-01,4/QĐ-BNG,2024-05-20,D58_ART19_1A',
        'HIS-003,History Three,FR,GDKHD,HIS/3,2023-01-10,2026-01-10,new34:04,YTE,,5/QĐ-BNG,2023-01-05,,,,SELF_TERMINATED,2025-03-01,6/QĐ-BNG,,',
      ),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ valid: true, certificates: { created: 3, skipped: 0, decisions: 3 } });
    expect(await certificate('HIS/1')).toMatchObject({
      status: 'ACTIVE',
      validUntil: '2029-01-10',
      events: [{ kind: 'ISSUED' }, { kind: 'EXTENDED', decisionNumber: '2/QĐ-BNG', effectiveDate: '2025-11-01' }],
    });
    expect(await certificate('HIS/2')).toMatchObject({ status: 'REVOKED', endedOn: '2024-06-01' });
    expect(await certificate('HIS/3')).toMatchObject({
      status: 'SELF_TERMINATED',
      events: [{ kind: 'ISSUED' }, { kind: 'SELF_TERMINATED', decisionDate: '2025-03-01', legalGround: 'Nghị định 58/2022/NĐ-CP' }],
    });
  });

  it('refuses an impossible history row by row, in the request language, and writes nothing', async () => {
    const before = await t.db
      .selectFrom('certificate_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await upload(
      csv(
        // 2: an extension beyond the 3-year cap counted from the old expiry
        'BAD-101,Bad,GB,GDKHD,BAD/101,2023-01-10,2026-01-10,new34:04,YTE,,1,2023-01-05,2029-06-30,2,2025-11-01,,,,,',
        // 3: a project office (Decree 12) cannot be extended
        'BAD-102,Bad,GB,GDKVPDA,BAD/102,2019-01-10,2023-01-10,new34:04,YTE,old63:04,1,2019-01-05,2024-01-10,2,2022-06-01,,,,,',
        // 4: a forced termination must cite Art. 19.1
        'BAD-103,Bad,GB,GDKHD,BAD/103,2023-01-10,2026-01-10,new34:04,YTE,,1,2023-01-05,,,,TERMINATED,2024-06-01,3,,',
        // 5: an extension after the certificate was revoked
        'BAD-104,Bad,GB,GDKHD,BAD/104,2023-01-10,2026-01-10,new34:04,YTE,,1,2023-01-05,2029-01-10,2,2025-11-01,REVOKED,2024-06-01,3,,D58_ART19_1A',
        // 6: an unknown end and a missing extension decision number
        'BAD-105,Bad,GB,GDKHD,BAD/105,2023-01-10,2026-01-10,new34:04,YTE,,1,2023-01-05,2029-01-10,,2025-11-01,CLOSED,2024-06-01,3,,',
        // 7: fine on its own
        'BAD-106,Fine,GB,GDKHD,BAD/106,2023-01-10,2026-01-10,new34:04,YTE,,1,2023-01-05,2029-01-10,2,2025-11-01,,,,,',
      ),
      { lang: 'en' },
    );
    expect(response.statusCode).toBe(422);
    const errors: { row: number; column: string; code: string; message: string }[] = response.json().error.details.errors;
    const at = (row: number) =>
      errors
        .filter((e) => e.row === row)
        .map((e) => `${e.column}:${e.code}`)
        .sort();
    expect(at(2)).toEqual(['extended_until:certificate_validity_exceeds_cap']);
    expect(at(3)).toEqual(['extended_until:certificate_legacy_no_extension']);
    expect(at(4)).toEqual(['end_legal_ground:certificate_termination_ground_invalid']);
    expect(at(5)).toEqual(['extended_until:certificate_terminated']);
    expect(at(6)).toEqual(['end_kind:endKind', 'extension_decision_number:required']);
    expect(at(7)).toEqual([]);
    expect(errors.find((e) => e.row === 6 && e.column === 'end_kind')!.message).toBe(
      'The end must be TERMINATED, REVOKED or SELF_TERMINATED.',
    );
    const after = await t.db
      .selectFrom('certificate_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('adds to a certificate already imported only the decisions it does not hold yet', async () => {
    const issueOnly = 'UPD-001,Update One,GB,GDKHD,UPD/1,2023-01-10,2026-01-10,new34:04,YTE,,1/QĐ,2023-01-05,,,,,,,,';
    expect((await upload(csv(issueOnly))).json()).toMatchObject({ certificates: { created: 1, decisions: 0 } });
    const extended =
      'UPD-001,Update One,GB,GDKHD,UPD/1,2023-01-10,2026-01-10,new34:04,YTE,,1/QĐ,2023-01-05,2029-01-10,2/QĐ,2025-11-01,,,,,';
    const dry = await upload(csv(extended), { dryRun: true });
    expect(dry.json()).toMatchObject({ valid: true, certificates: { created: 0, skipped: 0, decisions: 1 } });
    expect((await upload(csv(extended))).json()).toMatchObject({ certificates: { created: 0, decisions: 1 } });
    expect(await certificate('UPD/1')).toMatchObject({ validUntil: '2029-01-10' });
    expect((await upload(csv(extended))).json()).toMatchObject({ certificates: { created: 0, skipped: 1, decisions: 0 } });
    // A later end that contradicts what is stored (ended before the recorded extension) is refused.
    const ended = extended.replace(/,,,,,$/, ',REVOKED,2024-01-01,9/QĐ,,D58_ART19_1A');
    const refused = await upload(csv(ended), { lang: 'en' });
    expect(refused.json().error.details.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'end_decision_date', code: 'certificate_event_out_of_order' }),
    ]);
  });
});
