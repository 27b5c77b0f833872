import { describe, expect, it } from 'vitest';
import { assertNewCertificate, checkNewCertificate, type NewCertificateInput } from './issue-rules';
import { ev, record } from './test-fixtures';
import { DomainRuleError } from '../rule-error';

const base: NewCertificateInput = {
  type: 'GDKHD',
  issueDate: '2023-01-10',
  validUntil: '2026-01-10',
  provinces: ['new34:01'],
  sectors: ['HEALTH'],
  existingCertificates: [],
};
const office: NewCertificateInput = { ...base, type: 'GDKVPDD', validUntil: '2028-01-10', officeProvince: 'new34:79' };
const codes = (input: NewCertificateInput) => checkNewCertificate(input).map((e) => e.code);

describe('checkNewCertificate: validity', () => {
  it('accepts a GDKHD valid exactly 3 years and a GDKVPDD valid exactly 5 years', () => {
    expect(codes(base)).toEqual([]);
    expect(codes(office)).toEqual([]);
  });

  it('refuses a GDKHD valid one day beyond 3 years, reporting the cap', () => {
    const [err] = checkNewCertificate({ ...base, validUntil: '2026-01-11' });
    expect(err?.code).toBe('certificate_validity_exceeds_cap');
    expect(err?.details).toMatchObject({ maxYears: 3, maxValidUntil: '2026-01-10', validUntil: '2026-01-11' });
  });

  it('refuses a GDKVPDD valid one day beyond 5 years', () => {
    expect(codes({ ...office, validUntil: '2028-01-11' })).toEqual(['certificate_validity_exceeds_cap']);
  });

  it('refuses a validity beyond the home-country registration term, accepts one ending on it', () => {
    expect(codes({ ...base, homeTermUntil: '2025-06-30' })).toEqual(['certificate_validity_exceeds_home_term']);
    expect(codes({ ...base, validUntil: '2025-06-30', homeTermUntil: '2025-06-30' })).toEqual([]);
  });

  it('refuses an expiry before the issue date', () => {
    expect(codes({ ...base, validUntil: '2023-01-09' })).toEqual(['certificate_validity_before_issue']);
  });

  it('refuses malformed dates before checking anything else', () => {
    const errors = checkNewCertificate({ ...base, issueDate: '2023-02-30', validUntil: 'soon' });
    expect(errors.map((e) => [e.code, e.details.field])).toEqual([
      ['invalid_date', 'issueDate'],
      ['invalid_date', 'validUntil'],
    ]);
  });
});

describe('checkNewCertificate: representative office', () => {
  it.each(['new34:31', 'new34:46', 'old63:74', ''])('refuses an office in %j', (province) => {
    const expected = province === '' ? 'certificate_office_required' : 'certificate_office_city';
    expect(codes({ ...office, officeProvince: province })).toEqual([expected]);
  });

  it.each(['new34:01', 'new34:48', 'new34:79'])('accepts an office in %s', (province) => {
    expect(codes({ ...office, officeProvince: province })).toEqual([]);
  });

  it('checks the office against the rule in force on the issue date, across the 2025 reform (issue 14 §6)', () => {
    // Before 01/07/2025: the three cities as old units (or the same city's current code), not a unit merged later.
    for (const city of ['old63:01', 'old63:48', 'old63:79']) expect(codes({ ...office, officeProvince: city })).toEqual([]);
    expect(codes({ ...office, officeProvince: 'old63:74' })).toEqual(['certificate_office_city']); // former Bình Dương
    expect(codes({ ...office, officeProvince: 'old63:49' })).toEqual(['certificate_office_city']); // former Quảng Nam
    const lastDay = { ...office, issueDate: '2025-06-30', validUntil: '2030-06-30' };
    expect(codes({ ...lastDay, officeProvince: 'old63:74' })).toEqual(['certificate_office_city']);
    // From 01/07/2025: the merged cities, Bình Dương now being TP Hồ Chí Minh (stored rolled up as new34:79).
    const reform = { ...office, issueDate: '2025-07-01', validUntil: '2030-07-01' };
    expect(codes({ ...reform, officeProvince: 'new34:79' })).toEqual([]);
    expect(codes({ ...reform, officeProvince: 'old63:01' })).toEqual(['certificate_office_city']);
  });

  it('requires an office province on a GDKVPDD and refuses one on a GDKHD', () => {
    expect(codes({ ...office, officeProvince: null })).toEqual(['certificate_office_required']);
    expect(codes({ ...base, officeProvince: 'new34:01' })).toEqual(['certificate_office_not_applicable']);
  });

  it('refuses a second office while an existing one is active', () => {
    const existing = record('vp-1', 'GDKVPDD', '2022-12-01', '2027-11-30');
    const [err] = checkNewCertificate({ ...office, existingCertificates: [existing] });
    expect(err?.code).toBe('certificate_second_office');
    expect(err?.details).toMatchObject({ existingCertificateId: 'vp-1', existingValidUntil: '2027-11-30' });
  });

  it('refuses a second office while the existing one is suspended or issued for a future date', () => {
    const suspended = record('vp-s', 'GDKVPDD', '2022-12-01', '2027-11-30', [ev('SUSPENDED', '2022-12-20', undefined, 'D58_ART18_1B')]);
    const future = record('vp-f', 'GDKVPDD', '2024-06-01', '2029-05-31');
    expect(codes({ ...office, existingCertificates: [suspended] })).toEqual(['certificate_second_office']);
    expect(codes({ ...office, existingCertificates: [future] })).toEqual(['certificate_second_office']);
  });

  it('allows a new office once the old one expired or was terminated', () => {
    const expired = record('vp-e', 'GDKVPDD', '2017-01-01', '2022-12-31');
    const terminated = record('vp-t', 'GDKVPDD', '2022-11-01', '2027-10-31', [
      ev('SELF_TERMINATED', '2023-01-10', undefined, 'D58 Điều 20.6'),
    ]);
    expect(codes({ ...office, existingCertificates: [expired, terminated] })).toEqual([]);
  });

  it('does not count an operation certificate as an office', () => {
    expect(codes({ ...office, existingCertificates: [record('hd', 'GDKHD', '2022-12-01', '2025-11-30')] })).toEqual([]);
  });
});

describe('checkNewCertificate: legacy project office and scope', () => {
  it('refuses a new GDKVPDA under Decree 58', () => {
    const [err] = checkNewCertificate({ ...base, type: 'GDKVPDA', issueDate: '2022-11-01', officeProvince: 'new34:31' });
    expect(err?.code).toBe('certificate_legacy_no_new_issue');
  });

  it('accepts recording a GDKVPDA issued under Decree 12 (legacy import, no D58 cap)', () => {
    expect(codes({ ...base, type: 'GDKVPDA', issueDate: '2019-05-01', validUntil: '2025-04-30', officeProvince: 'old63:36' })).toEqual([]);
  });

  it('refuses empty (or blank) provinces and sectors', () => {
    expect(codes({ ...base, provinces: [], sectors: [' '] })).toEqual(['certificate_provinces_required', 'certificate_sectors_required']);
  });

  it('returns every violation at once; assertNewCertificate throws the first', () => {
    const bad = { ...office, validUntil: '2029-01-01', officeProvince: 'new34:31', sectors: [] };
    expect(codes(bad)).toEqual(['certificate_validity_exceeds_cap', 'certificate_office_city', 'certificate_sectors_required']);
    expect(() => assertNewCertificate(bad)).toThrowError(DomainRuleError);
    expect(() => assertNewCertificate(base)).not.toThrow();
  });
});
