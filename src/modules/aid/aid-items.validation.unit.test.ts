import { describe, expect, it } from 'vitest';
import { aidRecordIssues, legalBasisOn, type AidRecordFacts } from './aid-items.validation';

const base: AidRecordFacts = {
  organisationId: 'org',
  otherDonorName: null,
  status: 'PIPELINE',
  approvalDecisionNumber: null,
  approvalDate: null,
  plannedStart: '2026-01-01',
  plannedEnd: '2027-12-31',
  actualStart: null,
  actualEnd: null,
  locations: [{ provinceId: 'new34:04', share: '100' }],
  sectors: [
    { code: 'YTE', share: '60' },
    { code: 'GDDT', share: '40' },
  ],
};
const paths = (f: AidRecordFacts) => aidRecordIssues(f).map((i) => i.path);

describe('aid record rules', () => {
  it('accepts a complete pipeline record', () => {
    expect(aidRecordIssues(base)).toEqual([]);
  });

  it('needs a donor, and approval data for approved states', () => {
    expect(paths({ ...base, organisationId: null })).toContain('body.organisationId');
    expect(paths({ ...base, organisationId: null, otherDonorName: 'Embassy of Ireland' })).toEqual([]);
    expect(paths({ ...base, status: 'APPROVED' })).toEqual(['body.approvalDecisionNumber', 'body.approvalDate']);
    expect(paths({ ...base, status: 'COMPLETED', approvalDecisionNumber: '12/QĐ-UBND', approvalDate: '2026-01-05' })).toEqual([
      'body.actualStart',
      'body.actualEnd',
    ]);
  });

  it('checks date order', () => {
    expect(paths({ ...base, plannedEnd: '2025-12-31' })).toEqual(['body.plannedEnd']);
    expect(paths({ ...base, actualStart: '2026-03-01', actualEnd: '2026-02-01' })).toEqual(['body.actualEnd']);
  });

  it('requires shares adding up to exactly 100, without float drift, and no duplicates', () => {
    expect(
      paths({
        ...base,
        sectors: [
          { code: 'YTE', share: '33.33' },
          { code: 'GDDT', share: '33.33' },
          { code: 'XH', share: '33.34' },
        ],
      }),
    ).toEqual([]);
    expect(
      aidRecordIssues({
        ...base,
        sectors: [
          { code: 'YTE', share: '60' },
          { code: 'GDDT', share: '30' },
        ],
      })[0]?.message,
    ).toContain('90');
    expect(
      paths({
        ...base,
        locations: [
          { provinceId: 'new34:04', share: '50' },
          { provinceId: 'new34:04', share: '50' },
        ],
      }),
    ).toEqual(['body.locations.1']);
    expect(
      paths({
        ...base,
        locations: [
          { provinceId: 'new34:04', share: '0' },
          { provinceId: 'new34:08', share: '100' },
        ],
      }),
    ).toEqual(['body.locations.0.share']);
  });

  it('keeps old province codes on records dated before 01/07/2025 and current ones after', () => {
    const old = { ...base, plannedStart: '2023-03-01', plannedEnd: '2024-12-31' };
    expect(paths({ ...old, locations: [{ provinceId: 'old63:02', share: '100' }] })).toEqual([]);
    expect(paths(old)).toEqual(['body.locations.0.provinceId']);
    expect(paths({ ...base, locations: [{ provinceId: 'old63:02', share: '100' }] })).toEqual(['body.locations.0.provinceId']);
    expect(paths({ ...base, plannedStart: null, plannedEnd: null, locations: [{ provinceId: 'old63:02', share: '100' }] })).toEqual([]);
  });

  it('names the legal basis of an approval by its date', () => {
    expect(legalBasisOn('2019-05-01')).toBe('D93_2009');
    expect(legalBasisOn('2020-09-17')).toBe('D80_2020');
    expect(legalBasisOn('2025-12-07')).toBe('D80_2020');
    expect(legalBasisOn('2025-12-08')).toBe('D313_2025');
  });
});
