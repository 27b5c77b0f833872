import { describe, expect, it } from 'vitest';
import { generatedStamp, officialNumber, officialPercent, placeDateLine } from './format';
import { numberLine, recipientLines, type OfficialFrame } from './frame';

describe('official formats (Decree 30/2020)', () => {
  it('writes the place-and-date line with a leading zero for days below 10 and for January and February only', () => {
    expect(placeDateLine('Hà Nội', '2026-12-07', 'vi')).toBe('Hà Nội, ngày 07 tháng 12 năm 2026');
    expect(placeDateLine('Cao Bằng', '2026-02-15', 'vi')).toBe('Cao Bằng, ngày 15 tháng 02 năm 2026');
    expect(placeDateLine('Hà Nội', '2026-03-01', 'vi')).toBe('Hà Nội, ngày 01 tháng 3 năm 2026');
    expect(placeDateLine('Ha Noi', '2026-12-07', 'en')).toBe('Ha Noi, 7 December 2026');
  });

  it('gives the time of generation in Viet Nam time, the next day after 17:00 UTC', () => {
    expect(generatedStamp(new Date('2026-12-07T08:40:00Z'), 'vi')).toBe('15:40 ngày 07/12/2026');
    expect(generatedStamp(new Date('2026-12-07T23:05:00Z'), 'vi')).toBe('06:05 ngày 08/12/2026');
    expect(generatedStamp(new Date('2026-12-07T08:40:00Z'), 'en')).toBe('15:40 on 07/12/2026');
  });

  it('groups numbers the Vietnamese way and prints percentages with a decimal comma', () => {
    expect(officialNumber('3168187.59', 'vi')).toBe('3.168.187,59');
    expect(officialNumber('-1234.5', 'vi')).toBe('-1.234,5');
    expect(officialNumber(1234567, 'vi')).toBe('1.234.567');
    expect(officialNumber('3168187.59', 'en')).toBe('3,168,187.59');
    expect(officialNumber('Cao Bằng', 'vi')).toBe('Cao Bằng');
    expect(officialPercent('19.3', 'vi')).toBe('19,3%');
    expect(officialPercent(null, 'vi')).toBe('—');
  });

  it('writes the number and symbol, leaving the number blank on a draft, and ends the recipients with the archive', () => {
    const frame: OfficialFrame = {
      lang: 'vi',
      issuer: { parent: null, name: ['BỘ NGOẠI GIAO'], place: 'Hà Nội', plainName: 'Bộ Ngoại giao' },
      number: null,
      symbol: 'BC-BNG',
      date: '2026-12-07',
      recipients: ['Thủ tướng Chính phủ'],
      signer: { authority: null, position: 'BỘ TRƯỞNG', name: null },
    };
    expect(numberLine(frame)).toBe('Số:       /BC-BNG');
    expect(numberLine({ ...frame, number: '12', symbol: 'QĐ-BNG' })).toBe('Số: 12/QĐ-BNG');
    expect(numberLine({ ...frame, number: '101/QĐ-BNG' })).toBe('Số: 101/QĐ-BNG');
    expect(numberLine({ ...frame, number: 'GDKHD-2026-000001', symbol: '' })).toBe('Số: GDKHD-2026-000001');
    expect(recipientLines(frame)).toEqual(['- Thủ tướng Chính phủ;', '- Lưu: VT.']);
  });
});
