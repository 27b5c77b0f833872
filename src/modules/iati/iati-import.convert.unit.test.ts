import { describe, expect, it } from 'vitest';
import { buildActivity } from '../../../test/fixtures/iati/activities';
import { toIatiSectors } from '@domain/iati/sector-codes';
import { toAidDraft } from './iati-import.convert';
import { equalShares, normaliseShares } from './iati-shares';

describe('shares', () => {
  it('keeps valid shares as they are, rescales the others to exactly 100 with two decimals', () => {
    expect(
      normaliseShares([
        { key: 'a', share: '60' },
        { key: 'b', share: '40' },
      ]),
    ).toEqual({
      shares: [
        { key: 'a', share: '60' },
        { key: 'b', share: '40' },
      ],
      rescaled: false,
    });
    expect(
      normaliseShares([
        { key: 'a', share: '50' },
        { key: 'b', share: '25' },
      ]).shares,
    ).toEqual([
      { key: 'a', share: '66.67' },
      { key: 'b', share: '33.33' },
    ]);
    expect(
      normaliseShares([
        { key: 'a', share: '50' },
        { key: 'a', share: '50' },
        { key: 'b', share: '0' },
      ]),
    ).toEqual({ shares: [{ key: 'a', share: '100.00' }], rescaled: true });
    expect(normaliseShares([{ key: 'a', share: 'x' }])).toEqual({ shares: [], rescaled: true });
    expect(equalShares(['a', 'b', 'c'])).toEqual([
      { key: 'a', share: '33.33' },
      { key: 'b', share: '33.33' },
      { key: 'c', share: '33.34' },
    ]);
  });
});

describe('toAidDraft', () => {
  it('keeps commitments, disbursements, corrections, expenditure and incoming funds; says why the rest is left out', () => {
    const draft = toAidDraft(
      buildActivity({
        transactions: [
          { type: 'COMMITMENT', date: '2024-01-01', amount: '10', currency: 'USD' },
          { type: 'EXPENDITURE', date: '2024-02-01', amount: '5', currency: 'USD' },
          { type: 'DISBURSEMENT', date: '2024-03-01', amount: '-3', currency: 'USD', description: { en: 'Refund' } },
          { type: 'INCOMING_FUNDS', date: '2024-01-02', amount: '20', currency: 'EUR', valueDate: '2023-12-29' },
          { type: 'LOAN_REPAYMENT', date: '2024-04-01', amount: '1', currency: 'USD' },
          { type: 'COMMITMENT', date: '2024-05-01', amount: '-0.00', currency: 'USD' },
        ],
      }),
    );
    expect(draft.transactions).toEqual([
      { kind: 'COMMITMENT', date: '2024-01-01', amount: '10', currency: 'USD' },
      { kind: 'EXPENDITURE', date: '2024-02-01', amount: '5', currency: 'USD' },
      { kind: 'DISBURSEMENT', date: '2024-03-01', amount: '-3', currency: 'USD', description: 'Refund' },
      { kind: 'INCOMING_FUNDS', date: '2024-01-02', amount: '20', currency: 'EUR', valueDate: '2023-12-29' },
      { kind: 'COMMITMENT', date: '2024-05-01', amount: '0.00', currency: 'USD' },
    ]);
    expect(draft.leftOut.map((p) => p.reason)).toEqual(['transaction_type_not_kept']);
  });

  it("counts Viet Nam's share of a multi-country activity, and keeps the publisher's whole figures for the gap report", () => {
    const shared = toAidDraft(
      buildActivity({
        recipientCountries: [
          { code: 'VN', percentage: '33.33' },
          { code: 'LA', percentage: '66.67' },
        ],
        transactions: [
          { type: 'COMMITMENT', date: '2024-01-01', amount: '3000000', currency: 'USD' },
          { type: 'DISBURSEMENT', date: '2024-02-01', amount: '1000.50', currency: 'USD' },
        ],
      }),
    );
    expect(shared.transactions.map((t) => t.amount)).toEqual(['999900.00', '333.47']);
    expect(shared.published.map((t) => t.amount)).toEqual(['3000000', '1000.50']);
    expect(shared.notes).toContain('vietnam_share_applied');

    const byTransaction = toAidDraft(
      buildActivity({
        recipientCountries: [],
        transactions: [
          { type: 'DISBURSEMENT', date: '2024-02-01', amount: '100', currency: 'USD', recipientCountry: 'VN' },
          { type: 'DISBURSEMENT', date: '2024-02-01', amount: '900', currency: 'USD', recipientCountry: 'KH' },
        ],
      }),
    );
    expect(byTransaction.transactions.map((t) => t.amount)).toEqual(['100']);
    expect(byTransaction.leftOut.map((p) => p.reason)).toEqual(['transaction_other_country']);
    expect(byTransaction.published.map((t) => t.amount)).toEqual(['100', '900']);
    expect(toAidDraft(buildActivity()).notes).not.toContain('vietnam_share_applied');
  });

  it('derives the sectors of an activity that gives them only on its transactions, weighed by the amounts', () => {
    const draft = toAidDraft(
      buildActivity({
        sectors: [],
        transactions: [
          { type: 'COMMITMENT', date: '2024-01-01', amount: '300', currency: 'USD', sectors: [{ vocabulary: '1', code: '12220' }] },
          { type: 'DISBURSEMENT', date: '2024-02-01', amount: '100', currency: 'USD', sectors: [{ vocabulary: '1', code: '11110' }] },
          { type: 'DISBURSEMENT', date: '2024-03-01', amount: '100', currency: 'USD', sectors: [{ vocabulary: '1', code: '99999' }] },
        ],
      }),
    );
    expect(draft.sectors).toEqual([
      { key: 'YTE', share: '75.00' },
      { key: 'GDDT', share: '25.00' },
    ]);
    expect(draft.notes).toContain('sectors_from_transactions');
    expect(draft.leftOut).toEqual([{ reason: 'sector_unmapped', detail: '99999' }]);
  });

  it('leaves out amounts manual entry would refuse, and writes xsd:decimal forms plainly', () => {
    const draft = toAidDraft(
      buildActivity({
        transactions: [
          { type: 'COMMITMENT', date: '2024-01-01', amount: '12345678901234567890', currency: 'VND' },
          { type: 'DISBURSEMENT', date: '2024-02-01', amount: '1.1234567', currency: 'USD' },
          { type: 'DISBURSEMENT', date: '2024-03-01', amount: '+999999999999999.5', currency: 'USD' },
          { type: 'DISBURSEMENT', date: '2024-04-01', amount: '.25', currency: 'USD' },
          { type: 'DISBURSEMENT', date: '2024-05-01', amount: '7.', currency: 'USD' },
          // A database numeric written with its full scale (zeros beyond the sixth decimal): the same amount.
          { type: 'DISBURSEMENT', date: '2024-06-01', amount: '1175.01000000000000000000', currency: 'EUR' },
          { type: 'DISBURSEMENT', date: '2024-07-01', amount: '100.0000000', currency: 'EUR' },
        ],
      }),
    );
    expect(draft.transactions.map((t) => t.amount)).toEqual(['999999999999999.5', '0.25', '7', '1175.01', '100']);
    expect(draft.leftOut.map((p) => [p.reason, p.detail])).toEqual([
      ['transaction_amount_out_of_range', '#1 COMMITMENT 2024-01-01 12345678901234567890 VND'],
      ['transaction_amount_out_of_range', '#2 DISBURSEMENT 2024-02-01 1.1234567 USD'],
    ]);
  });

  it('rolls old provinces up on items dated from 01/07/2025, and keeps them before', () => {
    const after = toAidDraft(
      buildActivity({
        approval: undefined,
        dates: { plannedStart: '2025-09-01' },
        locations: [{ provinceCode: 'old63:02' }, { provinceCode: 'new34:08' }],
      }),
    );
    expect(after.locations).toEqual([{ key: 'new34:08', share: '100.00' }]);
    expect(after.notes).toContain('provinces_rolled_up');
    const before = toAidDraft(buildActivity({ locations: [{ provinceCode: 'old63:02' }, { provinceCode: 'old63:04' }] }));
    expect(before.locations).toEqual([
      { key: 'old63:02', share: '50.00' },
      { key: 'old63:04', share: '50.00' },
    ]);
  });

  it('takes the donor from the funding organisation when the publisher is a secondary reporter', () => {
    const own = toAidDraft(buildActivity());
    expect(own.donor).toMatchObject({ ref: 'XI-IATI-EXAMPLE', name: 'Example Relief International' });
    const republished = toAidDraft(
      buildActivity({
        reportingOrg: { ref: 'VN-COA-014', type: '10', nameVi: 'Bộ Ngoại giao', secondaryReporter: true },
        participatingOrgs: [{ role: 'FUNDING', ref: 'GB-CHC-1', nameEn: 'Real Donor' }],
      }),
    );
    expect(republished.donor).toEqual({ ref: 'GB-CHC-1', name: 'Real Donor', nameEn: 'Real Donor' });
  });

  it('maps DAC sectors to vnaid sectors, and an English-only title to both titles', () => {
    const draft = toAidDraft(
      buildActivity({
        titles: { en: 'Only English' },
        sectors: [
          { vocabulary: '1', code: '12220', percentage: '70' },
          { vocabulary: '1', code: '91010', percentage: '30' },
        ],
      }),
    );
    expect(draft.title_vi).toBe('Only English');
    expect(draft.title_en).toBe('Only English');
    expect(draft.sectors).toEqual([{ key: 'YTE', share: '100.00' }]);
    expect(draft.leftOut).toEqual([{ reason: 'sector_unmapped', detail: '91010' }]);
    expect(toAidDraft(buildActivity({ sectors: toIatiSectors([{ sector: 'YTE', percentage: '100' }]) })).leftOut).toEqual([]);
  });
});
