import { describe, expect, it } from 'vitest';
import { buildActivity } from '../../../test/fixtures/iati/activities';
import { toIatiSectors } from '@domain/iati/sector-codes';
import type { Budget } from '@domain/iati/model';
import { toAidDraft } from './iati-import.convert';

const budget: Budget = {
  type: 'ORIGINAL',
  status: 'COMMITTED',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  amount: '100000.01',
  currency: 'USD',
};

describe('budgets and exact codes in the aid draft', () => {
  it("takes Viet Nam's share of a budget, keeping the publisher's figure", () => {
    const draft = toAidDraft(
      buildActivity({
        recipientCountries: [
          { code: 'VN', percentage: '33.33' },
          { code: 'LA', percentage: '66.67' },
        ],
        budgets: [budget],
      }),
    );
    expect(draft.budgets).toEqual([
      {
        budget_type: 'ORIGINAL',
        budget_status: 'COMMITTED',
        period_start: '2024-01-01',
        period_end: '2024-12-31',
        amount: '33330.00',
        published_amount: '100000.01',
        currency: 'USD',
        value_date: '2024-01-01',
      },
    ]);
  });

  it('keeps a budget whole when countries are split per transaction, and says so; notes an item with budgets only', () => {
    const split = toAidDraft(
      buildActivity({
        budgets: [budget],
        transactions: [{ type: 'DISBURSEMENT', date: '2024-03-01', amount: '10', currency: 'USD', recipientCountry: 'VN' }],
      }),
    );
    expect(split.budgets[0]!.amount).toBe('100000.01');
    expect(split.notes).toContain('budgets_whole_activity');
    expect(toAidDraft(buildActivity({ budgets: [budget], transactions: [] })).notes).toContain('budgets_only');
  });

  it('keeps exact 5-digit codes beside the folded sectors, not the codes vnaid would write anyway', () => {
    const exact = toAidDraft(
      buildActivity({
        sectors: [
          { vocabulary: '1', code: '12240', percentage: '70' },
          { vocabulary: '1', code: '12220', percentage: '30' },
        ],
      }),
    );
    expect(exact.sectors.map((s) => [s.key, Number(s.share)])).toEqual([['YTE', 100]]);
    expect(exact.sectorCodes.map((c) => [c.vocabulary, c.code, c.sector_code, Number(c.share)])).toEqual([
      ['1', '12240', 'YTE', 70],
      ['1', '12220', 'YTE', 30],
    ]);
    expect(toAidDraft(buildActivity({ sectors: toIatiSectors([{ sector: 'YTE', percentage: '100' }]) })).sectorCodes).toEqual([]);
  });
});
