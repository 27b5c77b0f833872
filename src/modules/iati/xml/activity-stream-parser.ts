/**
 * saxes event handling for IATI activity files: checks the root, builds a small tree for one
 * `iati-activity` at a time, hands it to the pure mapper and queues the results.
 *
 * Memory: only the activity being read is held (plus the set of identifiers seen, for duplicate
 * detection). Subtrees vnaid never uses (results, budgets, documents, …) and foreign-namespace
 * extensions are not even built.
 * @module
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { VNAID_NS } from '../../../domain/iati/codes';
import { activityFromXml } from '../../../domain/iati/from-xml';
import { message, type IatiProblemCode } from '../../../domain/iati/problems';
import type { XmlNode } from '../../../domain/iati/xml-node';
import { NamespaceScope } from './namespaces';
import type { IatiDocumentInfo, ParsedActivity, ParseProblem, ReadIatiOptions } from './types';

const SUPPORTED_VERSIONS = new Set(['2.01', '2.02', '2.03']);
/** Direct children of `iati-activity` that the mapper never reads: not built, to save memory and time. */
const SKIPPED = new Set([
  'other-identifier',
  'contact-info',
  'activity-scope',
  'tag',
  'country-budget-items',
  'policy-marker',
  'collaboration-type',
  'default-flow-type',
  'default-finance-type',
  'default-tied-status',
  'capital-spend',
  'document-link',
  'legacy-data',
  'conditions',
  'result',
  'crs-add',
  'fss',
]);

/**
 * Copies a string so that it no longer points into the parser's input chunk. saxes returns slices of
 * the decoded chunk, and V8 keeps the whole chunk (64 KiB+) alive for as long as any slice lives: with
 * one identifier kept per activity for duplicate detection, a 200 MB file retained ~800 MB of chunks.
 * Flattening a cons string and slicing it yields a string backed by its own small buffer. Strings under
 * 13 characters are always copied by V8 already.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Builds a problem item with its bilingual message. */
function problemItem(
  code: IatiProblemCode,
  severity: ParseProblem['severity'],
  params: Record<string, string | number>,
  extra: Partial<ParseProblem> = {},
): ParseProblem {
  return { kind: 'problem', code, severity, message: message(code, params), ...extra };
}

/** Thrown from inside saxes handlers to abort parsing after a fatal problem has been queued. */
const STOP = Symbol('stop');

/** Incremental parser; feed text with `write`, collect results with `drain`. */
export class ActivityStreamParser {
  private readonly sax = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private readonly ns = new NamespaceScope();
  private readonly queue: (ParsedActivity | ParseProblem)[] = [];
  private readonly seen = new Map<string, number>();
  private readonly maxChars: number;
  private document: IatiDocumentInfo | undefined;
  private docCurrency: string | undefined;
  private depth = 0;
  private rootClosed = false;
  private activityIndex = 0;
  private activityLine = 0;
  private stack: XmlNode[] = [];
  private skipDepth = 0;
  private chars = 0;
  private oversized = false;
  private closing = false;
  /** True once a fatal problem was queued; nothing more will be produced. */
  finished = false;

  constructor(private readonly opts: ReadIatiOptions) {
    this.maxChars = opts.maxActivityChars ?? 50_000_000;
    this.sax.on('doctype', () => this.fail('iati_entity_forbidden'));
    this.sax.on('error', (err) => this.onError(err));
    this.sax.on('opentag', (tag) => this.onOpen(tag));
    this.sax.on('closetag', () => this.onClose());
    this.sax.on('text', (t) => this.onText(t));
    this.sax.on('cdata', (t) => this.onText(t));
  }

  /** Parses the next piece of text. */
  write(text: string): void {
    if (this.finished || text === '') return;
    this.guard(() => this.sax.write(text));
  }

  /** Ends the document; an unclosed element at this point means the file was truncated. */
  close(): void {
    if (this.finished) return;
    this.closing = true;
    this.guard(() => this.sax.close());
    if (!this.finished && !this.document) this.fatal('iati_not_xml', { detail: 'the document is empty' });
  }

  /** Takes the results produced so far. */
  drain(): (ParsedActivity | ParseProblem)[] {
    return this.queue.splice(0, this.queue.length);
  }

  /**
   * Queues a fatal problem (unless the file already failed); also used for byte-level failures.
   * The parser's current line and column are added: for a byte-level failure they tell how far the
   * text got before it.
   */
  fatal(code: IatiProblemCode, params: Record<string, string | number>, extra: Partial<ParseProblem> = {}): void {
    if (this.finished) return;
    this.finished = true;
    const line = this.sax.line;
    const column = this.sax.column + 1;
    this.queue.push(problemItem(code, 'fatal', { line, column, ...params }, { line, column, ...extra }));
  }

  private guard(run: () => void): void {
    try {
      run();
    } catch (e) {
      if (e !== STOP) throw e;
    }
  }

  private fail(code: IatiProblemCode, params: Record<string, string | number> = {}): never {
    this.fatal(code, params);
    throw STOP;
  }

  private onError(err: Error): void {
    // saxes prefixes messages with "line:column: "; keep only the reason.
    const detail = err.message.replace(/^[^:]*:\d+:\d+:\s*/, '').replace(/\.$/, '');
    const truncated = this.closing && this.depth > 0 && !this.rootClosed;
    this.fail(truncated ? 'iati_truncated' : 'iati_not_xml', { detail: `${detail} (line ${this.sax.line})` });
  }

  private onOpen(tag: SaxesTagPlain): void {
    const depth = ++this.depth;
    if (this.skipDepth > 0) return void this.skipDepth++;
    const keys = Object.keys(tag.attributes);
    this.ns.enter(depth, tag.attributes, keys);
    const { uri, local } = this.ns.element(tag.name);
    if (depth === 1) return this.onRoot(tag, uri, local, keys);
    if (depth === 2) {
      if (local === 'iati-activity' && uri === '') this.startActivity(tag, keys);
      else this.skipDepth = 1;
      return;
    }
    if (this.stack.length === 0) return void (this.skipDepth = 1);
    const isVnaid = uri === VNAID_NS;
    if ((uri !== '' && !isVnaid) || (depth === 3 && SKIPPED.has(local)) || this.oversized) return void (this.skipDepth = 1);
    const node = this.toNode(isVnaid ? `vnaid:${local}` : local, tag, keys);
    this.stack[this.stack.length - 1]!.children.push(node);
    this.stack.push(node);
  }

  private onRoot(tag: SaxesTagPlain, uri: string | undefined, local: string, keys: string[]): void {
    if (local !== 'iati-activities' || uri !== '') this.fail('iati_wrong_root', { root: tag.name });
    const version = tag.attributes['version']?.trim() ?? '';
    if (version === '') this.fail('iati_version_missing');
    if (!SUPPORTED_VERSIONS.has(version)) {
      if (!this.opts.lenientVersion || version.startsWith('1.')) this.fail('iati_unsupported_version', { version });
      this.queue.push(problemItem('iati_unknown_version', 'warning', { version }));
    }
    const root = this.toNode('iati-activities', tag, keys);
    const generatedAt = root.attrs['generated-datetime'];
    this.document = { version, synthetic: root.attrs['vnaid:synthetic'] === 'true', ...(generatedAt ? { generatedAt } : {}) };
    // Not an IATI attribute, but some publishers put default-currency on the root; the reader option wins.
    this.docCurrency = this.opts.defaultCurrency ?? root.attrs['default-currency']?.trim().toUpperCase();
  }

  private startActivity(tag: SaxesTagPlain, keys: string[]): void {
    this.activityIndex++;
    this.activityLine = this.sax.line;
    this.chars = 0;
    this.oversized = false;
    this.stack = [this.toNode('iati-activity', tag, keys)];
  }

  /** An XmlNode with the attributes the mapper can use: no-namespace, `xml:` and `vnaid:` ones. */
  private toNode(name: string, tag: SaxesTagPlain, keys: readonly string[]): XmlNode {
    const attrs: Record<string, string> = {};
    for (const k of keys) {
      const value = tag.attributes[k]!;
      const colon = k.indexOf(':');
      let key: string | undefined = k;
      if (colon >= 0 && !k.startsWith('xml:'))
        key = this.ns.resolve(k.slice(0, colon)) === VNAID_NS ? `vnaid:${k.slice(colon + 1)}` : undefined;
      if (key === undefined || key === 'xmlns') continue;
      attrs[key] = detach(value);
      this.count(value.length);
    }
    return { name, attrs, children: [], text: '', line: this.sax.line };
  }

  private onClose(): void {
    this.ns.leave(this.depth);
    if (--this.depth === 0) this.rootClosed = true;
    if (this.skipDepth > 0) return void this.skipDepth--;
    if (this.stack.length === 0) return;
    const node = this.stack.pop()!;
    if (this.stack.length === 0) this.finishActivity(node);
  }

  private onText(text: string): void {
    if (this.skipDepth > 0 || this.stack.length === 0 || this.oversized) return;
    if (text.trim() === '') return;
    const node = this.stack[this.stack.length - 1]!;
    node.text = node.text === '' ? detach(text) : node.text + text;
    this.count(text.length);
  }

  /** Counts characters of the current activity; past the limit its tree is dropped. */
  private count(n: number): void {
    if (this.stack.length === 0) return;
    this.chars += n;
    if (this.chars > this.maxChars && !this.oversized) {
      this.oversized = true;
      this.stack[0]!.children = [];
    }
  }

  private finishActivity(node: XmlNode): void {
    const index = this.activityIndex;
    const line = this.activityLine;
    const problem = (code: IatiProblemCode, severity: ParseProblem['severity'], params: Record<string, string | number>, id?: string) => {
      this.queue.push(problemItem(code, severity, params, { line, activityIndex: index, ...(id ? { identifier: id } : {}) }));
    };
    if (this.oversized) return problem('iati_activity_too_large', 'error', { index, line, limit: this.maxChars });
    const r = activityFromXml(node, this.docCurrency ? { defaultCurrency: this.docCurrency } : {});
    if (!r.ok) return problem('iati_activity_invalid', 'error', { index, line });
    const id = r.activity.identifier;
    const first = this.seen.get(id);
    if (first !== undefined) problem('iati_duplicate_identifier', 'warning', { identifier: id, first }, id);
    else this.seen.set(id, index);
    this.queue.push({
      kind: 'activity',
      index,
      line,
      activity: r.activity,
      warnings: r.warnings,
      vietnam: r.vietnam,
      modalitySource: r.modalitySource,
      document: this.document!,
      ...(this.opts.keepNode ? { node } : {}),
    });
  }
}
