import { describe, expect, it } from 'vitest';
import { detectFileType } from './file-type';

const zip = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(names.join('\0'), 'latin1')]);

describe('detectFileType', () => {
  it('recognises PDF, PNG and JPEG by signature', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n...'))?.mediaType).toBe('application/pdf');
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.extension).toBe('png');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))?.extension).toBe('jpg');
  });

  it('tells DOCX from XLSX by the parts inside the zip, and refuses other zips', () => {
    expect(detectFileType(zip('[Content_Types].xml', '_rels/.rels', 'word/document.xml'))?.extension).toBe('docx');
    expect(detectFileType(zip('[Content_Types].xml', 'xl/workbook.xml'))?.extension).toBe('xlsx');
    expect(detectFileType(zip('evil.exe'))).toBeNull();
    expect(detectFileType(zip('[Content_Types].xml', 'ppt/presentation.xml'))).toBeNull();
  });

  it('refuses a renamed executable, plain text and an empty file', () => {
    expect(detectFileType(Buffer.from('MZ\x90\x00', 'latin1'))).toBeNull();
    expect(detectFileType(Buffer.from('hello'))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });
});
