/**
 * What an uploaded file really is, decided from its first bytes and (for Office files) the names inside the zip,
 * never from the name or the type the browser claims: a renamed executable is refused.
 */
export type DetectedFile = { mediaType: string; extension: 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpg' };

/** The media types a dossier accepts. */
export const ACCEPTED_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/png',
  'image/jpeg',
] as const;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (buf: Buffer, bytes: readonly number[]) => buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

/**
 * Office Open XML files are zips whose entry names are stored uncompressed in the local and central headers, so a
 * byte search finds `[Content_Types].xml` and the main part without unzipping.
 */
function officeKind(buf: Buffer): DetectedFile | null {
  if (!buf.includes('[Content_Types].xml', 0, 'latin1')) return null;
  if (buf.includes('word/document.xml', 0, 'latin1')) {
    return { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
  }
  if (buf.includes('xl/workbook.xml', 0, 'latin1')) {
    return { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
  }
  return null;
}

/** The accepted type of `content`, or null for anything else (including an empty file). */
export function detectFileType(content: Buffer): DetectedFile | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return { mediaType: 'application/pdf', extension: 'pdf' };
  if (startsWith(content, PNG)) return { mediaType: 'image/png', extension: 'png' };
  if (startsWith(content, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return officeKind(content);
  return null;
}
