import { describe, expect, it } from 'vitest';
import { CERTIFICATE_TYPES, certificateTypeInfo, certificateTypes, maxValidUntil } from './certificate-types';
import { DomainRuleError } from '../rule-error';

describe('certificate types', () => {
  it('caps GDKHD at 3 years and GDKVPDD at 5 years from issue', () => {
    expect(maxValidUntil('GDKHD', '2023-01-10')).toBe('2026-01-10');
    expect(maxValidUntil('GDKVPDD', '2023-01-10')).toBe('2028-01-10');
    expect(maxValidUntil('GDKVPDA', '2023-01-10')).toBeNull();
  });

  it('marks the project office as legacy: no new issue, no extension, conversion on expiry', () => {
    const vpda = certificateTypes.GDKVPDA;
    expect(vpda.newIssueAllowed).toBe(false);
    expect(vpda.extensionAllowed).toBe(false);
    expect(vpda.onExpiry).toBe('CONSIDER_CONVERSION');
    expect(vpda.legalBasis.join(' ')).toContain('12/2012');
  });

  it('restricts only the representative office to the three cities, one per organisation', () => {
    expect(certificateTypes.GDKVPDD.officeProvinces).toEqual(['new34:01', 'new34:48', 'new34:79']);
    expect(certificateTypes.GDKVPDD.onePerOrganisation).toBe(true);
    expect(certificateTypes.GDKHD.onePerOrganisation).toBe(false);
  });

  it('has Vietnamese and English names for every type', () => {
    for (const t of CERTIFICATE_TYPES) {
      expect(certificateTypes[t].name.vi).toMatch(/Giấy đăng ký/);
      expect(certificateTypes[t].name.en).toMatch(/Certificate/);
    }
  });

  it('rejects unknown type codes', () => {
    expect(() => certificateTypeInfo('GDK')).toThrow(DomainRuleError);
    expect(() => certificateTypeInfo('toString')).toThrow(DomainRuleError);
  });
});
