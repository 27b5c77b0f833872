/**
 * Test-only helpers of the IATI and open-data integration tests (not imported by production code).
 */
import { expect } from 'vitest';
import { vietnamToday } from '@common/time/vietnam-today';
import { checkStandardRules } from '@domain/iati/standard-rules';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { readAllIatiActivities } from './xml/read-activities';
import type { ParsedActivity } from './xml/types';
import { testConfig } from '../../../test/support/test-app';
import { addTransaction } from '@modules/aid/transactions.service';
import { buildAidItem } from '@modules/aid/aid.fixtures';

/** Points the test app's VNAID_DATA_DIR to a fresh temporary folder (call before createTestContext). */
export function useTempDataDir(prefix = 'vnaid-iati-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  testConfig.dataDir = dir;
  return dir;
}

/** An approved, running aid item with money, in the shape most export tests need. */
export async function approvedItem(
  db: Kysely<Database>,
  options: Parameters<typeof buildAidItem>[1] & {
    money?: { kind: 'COMMITMENT' | 'DISBURSEMENT'; date: string; amount: string; currency: string }[];
  } = {},
) {
  const { money = [{ kind: 'DISBURSEMENT', date: '2024-03-01', amount: '1000.50', currency: 'USD' }], ...rest } = options;
  const item = await buildAidItem(db, {
    status: 'IMPLEMENTING',
    approval_decision_number: '12/QĐ-UBND',
    approval_date: '2024-01-10',
    approval_legal_basis: 'D80_2020',
    planned_start: '2024-02-01',
    actual_start: '2024-02-01',
    planned_end: '2025-06-30',
    description_vi: 'Mô tả dự án',
    provinces: [['old63:04', '100']],
    ...rest,
  });
  await db.transaction().execute(async (trx) => {
    for (const m of money) await addTransaction(trx, { actor: null, label: 'test' }, item.id, { ...m, source: 'MANUAL' });
  });
  return item;
}

/** The activities of an IATI document. */
export async function parseActivities(xml: string): Promise<ParsedActivity[]> {
  const items = await readAllIatiActivities(Readable.from([Buffer.from(xml, 'utf8')]));
  return items.filter((i): i is ParsedActivity => i.kind === 'activity');
}

/**
 * The activities of a document vnaid exported, after checking every one against the IATI Standard Ruleset
 * (src/domain/iati/standard-rules.ts): a test reading an export through this fails on any broken rule.
 */
export async function parseExport(xml: string): Promise<ParsedActivity[]> {
  const items = await readAllIatiActivities(Readable.from([Buffer.from(xml, 'utf8')]), { keepNode: true });
  const activities = items.filter((i): i is ParsedActivity => i.kind === 'activity');
  const violations = activities.flatMap((a) =>
    checkStandardRules(a.node!, vietnamToday()).map((v) => `${a.activity.identifier}: ${v.rule} at ${v.path} (${v.detail})`),
  );
  expect(violations).toEqual([]);
  return activities;
}

/** A multipart/form-data body with one file field named "file". */
export function multipartFile(fileName: string, content: Buffer, contentType = 'application/xml') {
  const boundary = `----vnaid${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
