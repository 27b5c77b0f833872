import { describe, expect, it } from 'vitest';
import { aidDecisionContentIssues, compareDecimal, sumDecimals, type AidDecisionContent } from './aid-decision-content';

const content = (over: Partial<AidDecisionContent> = {}): AidDecisionContent => ({
  aidName: 'Nước sạch cho trường học',
  donor: 'Tổ chức A',
  aidOwner: 'Hội Chữ thập đỏ',
  objectives: 'Cấp nước sạch',
  inKind: false,
  goods: [],
  value: { amount: '250000.00', currency: 'USD' },
  counterpart: { amount: '500000000', source: 'Ngân sách tỉnh' },
  financialMechanism: { budgetRevenue: true },
  implementation: { from: '2026-01-01', to: '2027-12-31' },
  location: { provinceIds: ['new34:04'] },
  ...over,
});

const paths = (c: AidDecisionContent) => aidDecisionContentIssues(c).map((i) => i.path);

describe('aid decision content (D80 Art. 11)', () => {
  it('accepts a complete decision', () => {
    expect(paths(content())).toEqual([]);
  });

  it('refuses a zero value, a period ending before it starts, counterpart funds without amount or source, no province', () => {
    expect(
      paths(
        content({
          value: { amount: '0.00', currency: 'USD' },
          implementation: { from: '2026-01-01', to: '2025-12-31' },
          counterpart: { amount: '0', source: ' ' },
          location: { provinceIds: [] },
        }),
      ),
    ).toEqual([
      'body.content.value.amount',
      'body.content.implementation.to',
      'body.content.counterpart.amount',
      'body.content.counterpart.source',
      'body.content.location.provinceIds',
    ]);
  });

  it('asks aid in goods for its goods list, worth no more than the aid', () => {
    expect(paths(content({ inKind: true }))).toEqual(['body.content.goods']);
    const goods = [
      { name: 'Máy lọc nước', quantity: '10', unit: 'chiếc', value: '200000.00' },
      { name: 'Bồn chứa', quantity: '5', unit: 'chiếc', value: '50000.01' },
    ];
    expect(paths(content({ inKind: true, goods }))).toEqual(['body.content.goods']);
    expect(paths(content({ inKind: true, goods: goods.slice(0, 1) }))).toEqual([]);
  });

  it('compares and adds money as decimals, exactly', () => {
    expect(compareDecimal('250000.01', '250000.1')).toBe(-1);
    expect(compareDecimal('0100', '100.00')).toBe(0);
    expect(compareDecimal('99999999999999.99', '100000000000000')).toBe(-1);
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['999999999999999.999999', '0.000001'])).toBe('1000000000000000.000000');
  });
});
