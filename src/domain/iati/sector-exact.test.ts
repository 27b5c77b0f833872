import { describe, expect, it } from 'vitest';
import { codesWorthKeeping, publishedDacCodes, sectorsForExport, type ExactSectorCode } from './sector-exact';

const code = (vocabulary: '1' | '2', c: string, sector: ExactSectorCode['sector'], percentage: string): ExactSectorCode => ({
  vocabulary,
  code: c,
  sector,
  percentage,
});

describe("the publisher's exact DAC codes", () => {
  it('keeps the mapped 5- and 3-digit codes with the vnaid sector each folds into', () => {
    expect(
      publishedDacCodes([
        { vocabulary: '1', code: '31161', percentage: '40' },
        { vocabulary: '1', code: '12240', percentage: '50' },
        { vocabulary: '1', code: '91010', percentage: '10' },
        { vocabulary: '2', code: '111' },
        { vocabulary: '99', code: 'A1', percentage: '100' },
      ]),
    ).toEqual([code('1', '31161', 'NLNN', '40'), code('1', '12240', 'YTE', '50'), code('2', '111', 'GDDT', '100')]);
  });

  it("drops 5-digit codes that are just vnaid's primary codes of its sectors (its own export re-imported)", () => {
    const shares = [
      { sector: 'YTE' as const, percentage: '60.00' },
      { sector: 'GDDT' as const, percentage: '40.00' },
    ];
    expect(codesWorthKeeping([code('1', '12220', 'YTE', '60.00'), code('1', '11110', 'GDDT', '40.00')], shares)).toEqual([]);
    const exact = [code('1', '12240', 'YTE', '60.00'), code('1', '11110', 'GDDT', '40.00')];
    expect(codesWorthKeeping(exact, shares)).toEqual(exact);
  });

  it('publishes the exact codes per vocabulary beside vnaid sectors (99), or vnaid codes when they no longer fit', () => {
    const shares = [{ sector: 'NLNN' as const, percentage: '100.00' }];
    const codes = [code('1', '31161', 'NLNN', '60.00'), code('1', '31120', 'NLNN', '40.00'), code('2', '311', 'NLNN', '100.00')];
    expect(sectorsForExport(shares, codes).map((s) => [s.vocabulary, s.code, s.percentage])).toEqual([
      ['1', '31161', '60.00'],
      ['1', '31120', '40.00'],
      ['2', '311', '100.00'],
      ['99', 'NLNN', '100.00'],
    ]);
    // The item's sectors changed since (health now): the stored codes describe other sectors and are not written.
    expect(sectorsForExport([{ sector: 'YTE', percentage: '100.00' }], codes).map((s) => [s.vocabulary, s.code])).toEqual([
      ['1', '12220'],
      ['99', 'YTE'],
    ]);
  });
});
