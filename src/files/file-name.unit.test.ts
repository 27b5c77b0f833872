import { describe, expect, it } from 'vitest';
import { cleanFileName } from './file-name';

describe('cleanFileName', () => {
  it('drops right-to-left overrides, other bidi and control characters and NUL, keeping Vietnamese letters', () => {
    expect(cleanFileName('hoa-don\u202Efdp.exe')).toBe('hoa-donfdp.exe');
    expect(cleanFileName('\u2067Điều lệ\u2069\u200F tổ chức\u0000.pdf\r\n')).toBe('Điều lệ tổ chức.pdf');
    expect(cleanFileName('a\u0007b\u009bc\ufeff.docx')).toBe('abc.docx');
  });

  it('keeps the last path segment and cuts long names without splitting a character', () => {
    expect(cleanFileName('C:\\Users\\ngo\\Giấy phép.pdf')).toBe('Giấy phép.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('😀'.repeat(300))).toBe('😀'.repeat(255));
    expect(cleanFileName('\u202E')).toBe('');
  });
});
