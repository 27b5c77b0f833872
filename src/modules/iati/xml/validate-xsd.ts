/**
 * XSD validation of IATI 2.03 documents with libxml2 (xmllint compiled to WebAssembly).
 *
 * Why xmllint-wasm: it is the reference validator behaviour (libxml2) without a native build step,
 * and it runs in a worker thread so a crash cannot take the server down. The schemas come from
 * `assets/iati/` (copied unchanged from IATI-Schemas 2.03); `iati-common.xsd` and `xml.xsd` are
 * preloaded under the file names the main schemas `xsd:include`/`xsd:import` by relative path.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { memoryPages, validateXML } from 'xmllint-wasm';

/** Which IATI document type to validate. */
export type IatiSchemaKind = 'activities' | 'organisations';

/** One schema or well-formedness error reported by libxml2. */
export interface XsdError {
  message: string;
  /** 1-based line in the validated document, when libxml2 gave one. */
  line?: number;
}

/** Result of {@link validateAgainstSchema}. */
export interface XsdResult {
  valid: boolean;
  errors: XsdError[];
}

const ASSETS = fileURLToPath(new URL('../../../../assets/iati/', import.meta.url));
const MAIN: Record<IatiSchemaKind, string> = {
  activities: 'iati-activities-schema.xsd',
  organisations: 'iati-organisations-schema.xsd',
};
const DEPENDENCIES = ['iati-common.xsd', 'xml.xsd'];

const cache = new Map<string, Promise<string>>();
function asset(name: string): Promise<string> {
  let p = cache.get(name);
  if (!p) cache.set(name, (p = readFile(ASSETS + name, 'utf8')));
  return p;
}

/**
 * Validates an IATI XML document against the 2.03 schema.
 * Memory grows with the document (libxml2 builds a tree), so pages are sized from its length;
 * use the streaming reader, not this, to check very large third-party files.
 * @param xml the document text
 * @param which `activities` (iati-activities-schema.xsd) or `organisations` (iati-organisations-schema.xsd)
 * @returns `valid` and the list of libxml2 errors (empty when valid)
 */
export async function validateAgainstSchema(xml: string, which: IatiSchemaKind): Promise<XsdResult> {
  const [schema, ...preload] = await Promise.all([asset(MAIN[which]), ...DEPENDENCIES.map(asset)]);
  const bytes = Buffer.byteLength(xml, 'utf8');
  // ~16 bytes of wasm heap per document byte covers libxml2's tree plus the schema, with headroom.
  const pages = Math.min(memoryPages.max, Math.max(memoryPages.defaultMaxMemoryPages, Math.ceil((bytes * 16) / 65536) + 512));
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [{ fileName: MAIN[which], contents: schema! }],
    preload: DEPENDENCIES.map((fileName, i) => ({ fileName, contents: preload[i]! })),
    maxMemoryPages: pages,
  });
  return {
    valid: result.valid,
    errors: result.errors.map((e) => ({ message: e.message, ...(e.loc ? { line: e.loc.lineNumber } : {}) })),
  };
}
