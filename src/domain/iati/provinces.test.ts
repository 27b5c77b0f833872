import { describe, expect, it } from 'vitest';
import { foldName } from './fold';
import { PROVINCES } from './provinces.generated';
import {
  isProvinceCode,
  matchProvinceName,
  provinceByCode,
  provinceCandidates,
  provinceFromRef,
  provinceRef,
  rollUpProvince,
} from './provinces';

describe('province tables', () => {
  it('hold 63 old and 34 new units', () => {
    expect(PROVINCES.filter((p) => p.code.startsWith('old63:'))).toHaveLength(63);
    expect(PROVINCES.filter((p) => p.code.startsWith('new34:'))).toHaveLength(34);
  });

  it('roll every old code up to the new unit with the same code (domain.md §6, data/vn-admin)', () => {
    expect(rollUpProvince('old63:02')).toBe('new34:08'); // Hà Giang → Tuyên Quang
    expect(rollUpProvince('old63:10')).toBe('new34:15'); // Lào Cai (old 10) → Lào Cai (new 15)
    expect(rollUpProvince('old63:89')).toBe('new34:91'); // An Giang 89 → 91
    for (const p of PROVINCES.filter((x) => x.rollsUpTo)) expect(isProvinceCode(p.rollsUpTo!)).toBe(true);
  });
});

describe('location refs', () => {
  it('round-trip and reject unknown codes', () => {
    expect(provinceRef('old63:02')).toBe('VN-old63-02');
    expect(provinceFromRef('VN-new34-08')).toBe('new34:08');
    expect(provinceFromRef('VN-new34-02')).toBeUndefined(); // 02 is not a new34 code
    expect(provinceFromRef('AF-KAN')).toBeUndefined();
  });
});

describe('name matching', () => {
  it('folds accents, case, punctuation and tone placement', () => {
    expect(foldName('Thừa Thiên - Huế')).toBe('thua thien hue');
    expect(foldName('Khánh Hoà')).toBe(foldName('Khánh Hòa'));
    expect(foldName('ĐẮK LẮK')).toBe('dak lak');
  });

  it('finds provinces from official names, aliases and wrapped free text', () => {
    expect(provinceCandidates('Tỉnh Quảng Nam')).toEqual(['old63:49']);
    expect(provinceCandidates('Quang Nam Province')).toEqual(['old63:49']);
    expect(provinceCandidates('TP.HCM')).toEqual(['new34:79', 'old63:79']);
    expect(provinceCandidates('Đồng Văn district, Hà Giang, Việt Nam')).toEqual(['old63:02']);
    expect(provinceCandidates('Nairobi')).toEqual([]);
  });

  it('chooses the code system from the activity date when a name exists in both', () => {
    expect(matchProvinceName('Lào Cai', '2024-05-01')).toBe('old63:10');
    expect(matchProvinceName('Lào Cai', '2025-07-01')).toBe('new34:15');
    expect(matchProvinceName('Lào Cai')).toBe('new34:15');
    expect(matchProvinceName('Hà Giang', '2026-01-01')).toBe('old63:02'); // only exists in the old system
    expect(provinceByCode(matchProvinceName('Huế', '2020-01-01')!)?.nameVi).toBe('Thừa Thiên Huế');
  });
});
