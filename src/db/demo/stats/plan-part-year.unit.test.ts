import { describe, expect, it } from 'vitest';
import type { ItemPlan, TxPlan } from './plan-aid';
import type { OrgPlan } from './plan-organisations';
import { calibratePartYear } from './plan-part-year';

/** Five organisations, each with one 2023 item and one disbursement on the given date. */
function plan(dates: string[]): TxPlan[] {
  return dates.map((date, index) => {
    const org = { index } as OrgPlan;
    const item = { org, firstYear: 2022, lastYear: 2024, start: '2022-03-01', end: '2024-06-30' } as ItemPlan;
    return { item, kind: 'DISBURSEMENT', date, year: 2023, weight: 1 };
  });
}
const activeBy = (txs: TxPlan[], asOf: string) => new Set(txs.filter((t) => t.date <= asOf).map((t) => t.item.org)).size;

describe('part-year calibration of the demo plan', () => {
  it('moves disbursements within their year until exactly the target disburse by the date', () => {
    const up = plan(['2023-02-01', '2023-10-01', '2023-11-01', '2023-12-01', '2023-09-15']);
    calibratePartYear(up, { asOf: '2023-08-31', active: 3 });
    expect(activeBy(up, '2023-08-31')).toBe(3);
    expect(up.every((t) => t.date >= '2023-01-01' && t.date <= '2023-12-31')).toBe(true);

    const down = plan(['2023-02-01', '2023-03-01', '2023-04-01', '2023-12-01', '2023-05-15']);
    calibratePartYear(down, { asOf: '2023-08-31', active: 2 });
    expect(activeBy(down, '2023-08-31')).toBe(2);
    expect(down.every((t) => t.date >= '2023-01-01' && t.date <= '2023-12-31')).toBe(true);
  });

  it('refuses a target the plan cannot reach', () => {
    expect(() => calibratePartYear(plan(['2023-10-01']), { asOf: '2023-08-31', active: 2 })).toThrow(/cannot make 2/);
  });
});
