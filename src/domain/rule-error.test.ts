import { describe, expect, it } from 'vitest';
import { DomainRuleError, isDomainRuleError, ruleMessages, type RuleCode } from './rule-error';

const codes = Object.keys(ruleMessages) as RuleCode[];

describe('ruleMessages', () => {
  it('uses stable snake_case codes', () => {
    for (const code of codes) expect(code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
  });

  it('has a Vietnamese (with diacritics) and an English sentence for every code', () => {
    for (const code of codes) {
      const { vi, en } = ruleMessages[code];
      expect(vi, code).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
      expect(en, code).toMatch(/^[A-Z].*\.$/);
      expect(vi, code).toMatch(/\.$/);
      expect(vi).not.toEqual(en);
      expect(`${vi}${en}`, code).not.toMatch(/[{}]/);
    }
  });

  it('covers the codes the brief names', () => {
    for (const code of [
      'certificate_second_office',
      'certificate_office_city',
      'certificate_validity_exceeds_cap',
      'certificate_validity_exceeds_home_term',
      'certificate_terminated',
      'transition_not_allowed',
    ]) {
      expect(codes).toContain(code);
    }
  });
});

describe('DomainRuleError', () => {
  it('carries code, details and an English log message; serialises localised', () => {
    const err = new DomainRuleError('certificate_office_city', { officeProvince: 'new34:31' });
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe('certificate_office_city');
    expect(err.details).toEqual({ officeProvince: 'new34:31' });
    expect(err.message).toBe(ruleMessages.certificate_office_city.en);
    expect(err.toJSON()).toEqual({
      code: 'certificate_office_city',
      message: ruleMessages.certificate_office_city.vi,
      details: { officeProvince: 'new34:31' },
    });
    expect(err.toJSON('en').message).toContain('Hà Nội');
  });

  it('is recognised by the type guard, plain errors are not', () => {
    expect(isDomainRuleError(new DomainRuleError('invalid_date'))).toBe(true);
    expect(isDomainRuleError(new Error('x'))).toBe(false);
    expect(isDomainRuleError({ code: 'invalid_date' })).toBe(false);
  });
});
