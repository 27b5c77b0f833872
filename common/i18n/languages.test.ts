import { describe, expect, it } from 'vitest';
import { interpolate, pickLanguage } from './languages';

describe('pickLanguage', () => {
  it('defaults to Vietnamese and honours a preference for English', () => {
    expect(pickLanguage(undefined)).toBe('vi');
    expect(pickLanguage('fr-FR,fr;q=0.9')).toBe('vi');
    expect(pickLanguage('en-GB,en;q=0.9,vi;q=0.5')).toBe('en');
    expect(pickLanguage('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(pickLanguage('en;q=0.2,vi;q=0.8')).toBe('vi');
  });
  it('interpolates named values and leaves unknown ones visible', () => {
    expect(interpolate('thử lại sau {{minutes}} phút {{x}}', { minutes: 15 })).toBe('thử lại sau 15 phút {{x}}');
  });
});
