import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readAllIatiActivities } from '../../modules/iati/xml/read-activities';
import type { ParsedActivity } from '../../modules/iati/xml/types';
import { buildActivity } from '../../../test/fixtures/iati/activities';
import type { Budget, PlannedDisbursement } from './model';
import { serializeActivities } from './serialize';
import { checkStandardRules } from './standard-rules';

const budgets: Budget[] = [
  { type: 'ORIGINAL', status: 'INDICATIVE', periodStart: '2024-01-01', periodEnd: '2024-12-31', amount: '120000', currency: 'EUR' },
  {
    type: 'REVISED',
    status: 'COMMITTED',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    amount: '80000.50',
    currency: 'USD',
    valueDate: '2025-01-15',
  },
];
const planned: PlannedDisbursement[] = [
  {
    type: 'ORIGINAL',
    periodStart: '2024-03-01',
    periodEnd: '2024-03-31',
    amount: '30000',
    currency: 'USD',
    provider: { ref: 'XI-IATI-EXAMPLE', type: '21', activityId: 'XI-IATI-EXAMPLE-0000', name: { en: 'Example Relief International' } },
    receiver: { type: '11', name: { vi: 'UBND tỉnh Hà Giang' } },
  },
];
const xmlOf = (overrides = {}) =>
  serializeActivities([buildActivity({ budgets, plannedDisbursements: planned, ...overrides })], { generatedAt: '2026-11-01T00:00:00Z' });

async function read(xml: string): Promise<ParsedActivity> {
  const items = await readAllIatiActivities(Readable.from([Buffer.from(xml)]), { keepNode: true });
  return items.find((i): i is ParsedActivity => i.kind === 'activity')!;
}

describe('IATI budgets and planned disbursements', () => {
  it('are written after default-aid-type and before the transactions, value-date defaulting to the period start', () => {
    const xml = xmlOf();
    const order = [...xml.matchAll(/^ {2}<([\w:-]+)/gm)].map((m) => m[1]!).filter((n, i, a) => n !== a[i - 1]);
    expect(order.slice(order.indexOf('default-aid-type'), order.indexOf('transaction') + 1)).toEqual([
      'default-aid-type',
      'budget',
      'planned-disbursement',
      'transaction',
    ]);
    expect(xml).toContain('<budget type="1" status="1">');
    expect(xml).toContain('<value currency="EUR" value-date="2024-01-01">120000</value>');
    expect(xml).toContain('<provider-org ref="XI-IATI-EXAMPLE" provider-activity-id="XI-IATI-EXAMPLE-0000" type="21">');
  });

  it('read back exactly as written, and pass the Ruleset', async () => {
    const parsed = await read(xmlOf());
    expect(parsed.activity.budgets).toEqual(budgets);
    expect(parsed.activity.plannedDisbursements).toEqual(planned);
    expect(checkStandardRules(parsed.node!, '2026-12-07')).toEqual([]);
  });

  it('default a missing type to original and status to indicative, and leave out an unreadable one with a warning', async () => {
    const xml = xmlOf({ plannedDisbursements: [] })
      .replace('<budget type="1" status="1">', '<budget>')
      .replace('<period-end iso-date="2025-12-31"/>', '');
    const parsed = await read(xml);
    expect(parsed.activity.budgets).toEqual([budgets[0]]);
    expect(parsed.warnings.map((w) => w.code)).toContain('budget_invalid');
  });

  it('are checked by the Ruleset: a period ending before it starts is named', async () => {
    const parsed = await read(xmlOf().replace('<period-end iso-date="2024-12-31"/>', '<period-end iso-date="2023-12-31"/>'));
    expect(checkStandardRules(parsed.node!, '2026-12-07').map((v) => v.rule)).toEqual([
      'date_order: budget/period-start before budget/period-end',
    ]);
  });
});
