/**
 * Demo obligations (issue 14): the obligations of every demo certificate are derived from the registry like any
 * other; this step records what the synthetic NGOs "did" about them, deterministically from each obligation's key:
 * most bank notices and implementation plans filed on time (plans with a generated demo PDF), some filed late, a
 * few waived by central with a reason, the rest left open (late or still due). The demo NGO account's own
 * organisation keeps its open obligations, so they can be fulfilled on screen.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { vietnamToday } from '@common/time/vietnam-today';
import type { Database } from '@db/types';
import { addDays, compareIsoDates, minDate } from '@domain/calendar/iso-date';
import { deriveObligations, type Obligation } from '@domain/registration/obligations';
import { DEMO_DOCUMENT_PREFIX, demoDocumentContent } from '@files/demo-documents';
import { registryWorkingDays } from '@modules/registry/registry-calendar';
import { loadObligationFacts, supervisionDb } from '@modules/supervision/obligations.repository';

const FULFILLABLE = new Set(['BANK_ACCOUNT_NOTICE', 'IMPLEMENTATION_PLAN', 'DATA_UPDATE']);
const CHUNK = 1_000;

/** A stable number in [0, 100) from a key, so the demo is the same on every load. */
const bucket = (key: string) => createHash('sha256').update(key).digest().readUInt32BE(0) % 100;

type Row = Record<string, unknown>;

/** The record the synthetic NGO (or central) made about one open obligation, or null to leave it open. */
function demoRecord(organisationId: string, o: Obligation, today: string, forced = false): Row | null {
  if (!FULFILLABLE.has(o.kind) || (o.status !== 'DUE' && o.status !== 'LATE')) return null;
  const b = forced ? 0 : bucket(o.key);
  const base = {
    organisation_id: organisationId,
    obligation_key: o.key,
    kind: o.kind,
    certificate_id: o.certificateId,
    province_id: o.provinceId,
  };
  const file = (doneOn: string) => {
    if (o.kind !== 'IMPLEMENTATION_PLAN') return {};
    const storage = `${DEMO_DOCUMENT_PREFIX}supervision/${o.key.replace(/[^A-Za-z0-9]+/g, '-')}.pdf`;
    const content = demoDocumentContent(storage);
    return {
      file_name: `ke-hoach-trien-khai-${doneOn}.pdf`,
      media_type: 'application/pdf',
      size_bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      storage_path: storage,
    };
  };
  if (b < 62) {
    const doneOn = minDate(minDate(addDays(o.startsOn, 3 + (b % 10)), o.dueDate), today);
    return { ...base, status: 'DONE', done_on: doneOn, recorded_by_label: 'demo-seed', note: null, ...file(doneOn) };
  }
  if (b < 74) {
    const doneOn = addDays(o.dueDate, 2 + (b % 20));
    if (compareIsoDates(doneOn, today) > 0) return null;
    return { ...base, status: 'DONE', done_on: doneOn, recorded_by_label: 'demo-seed', note: null, ...file(doneOn) };
  }
  if (b < 78 && o.status === 'LATE') {
    return {
      ...base,
      status: 'WAIVED',
      done_on: minDate(addDays(o.dueDate, 30), today),
      reason: 'Đã nộp bằng văn bản giấy trước khi có hệ thống (dữ liệu giả lập) / Filed on paper before the system (synthetic)',
      recorded_by_label: 'demo-seed (central)',
    };
  }
  return null;
}

/** Records the synthetic fulfilments and waivers of every demo organisation's obligations. */
export async function seedSupervisionDemo(trx: Transaction<Database>): Promise<void> {
  const today = vietnamToday();
  const orgs = await trx
    .selectFrom('organisations as o')
    .select(['o.id', 'o.code'])
    .where('o.synthetic', '=', true)
    .where((eb) => eb.exists(eb.selectFrom('certificates as c').select('c.id').whereRef('c.organisation_id', '=', 'o.id')))
    .execute();
  const workingDays = await registryWorkingDays(trx);
  const rows: Row[] = [];
  for (let i = 0; i < orgs.length; i += CHUNK) {
    const slice = orgs.slice(i, i + CHUNK);
    const facts = await loadObligationFacts(
      trx,
      slice.map((o) => o.id),
    );
    for (const org of slice) {
      const list = deriveObligations(facts.get(org.id)!, today, workingDays);
      // The demo NGO account's organisation: one plan filed, the rest left for the person trying the demo.
      if (org.code === 'DEMO-0001') {
        const plan = list.find((o) => o.kind === 'IMPLEMENTATION_PLAN' && (o.status === 'DUE' || o.status === 'LATE'));
        const record = plan && demoRecord(org.id, plan, today, true);
        if (record) rows.push(record);
        continue;
      }
      for (const o of list) {
        const record = demoRecord(org.id, o, today);
        if (record) rows.push(record);
      }
    }
  }
  const sdb = supervisionDb(trx);
  for (let i = 0; i < rows.length; i += CHUNK)
    await sdb
      .insertInto('obligation_records')
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
}
