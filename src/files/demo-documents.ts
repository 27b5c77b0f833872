import { createHash } from 'node:crypto';

/** Storage prefix of demo documents: their bytes are generated, not stored, so seeding writes no files. */
export const DEMO_DOCUMENT_PREFIX = 'demo/';

/** The (deterministic) content of a demo document; its SHA-256 is what the demo row records. */
export function demoDocumentContent(storagePath: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% vnaid synthetic demo document ${storagePath}\n%%EOF\n`);
}

export const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
