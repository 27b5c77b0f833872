/**
 * A tiny, allocation-light XML writer with correct escaping. String building is enough for the
 * IATI shapes vnaid writes, and avoids a DOM dependency in pure domain code.
 * @module
 */

/** Characters XML 1.0 cannot carry at all, even escaped (C0 controls except TAB/LF/CR, U+FFFE/FFFF, lone surrogates). */
const INVALID_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `s` contains a character that cannot appear in an XML 1.0 document. */
export function hasInvalidXmlChar(s: string): boolean {
  return INVALID_XML_CHAR.test(s);
}

function assertXmlChars(s: string): void {
  if (INVALID_XML_CHAR.test(s)) throw new RangeError(`text contains a character XML 1.0 cannot represent: ${JSON.stringify(s)}`);
}

/**
 * Escapes character data. CR is written as `&#13;` because parsers normalise a literal CR to LF,
 * which would silently change the text on the round trip.
 * @throws RangeError for characters XML cannot represent
 */
export function escapeText(s: string): string {
  assertXmlChars(s);
  return s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/**
 * Escapes an attribute value (double-quoted). TAB, LF and CR become character references because
 * attribute-value normalisation would otherwise turn them into spaces.
 * @throws RangeError for characters XML cannot represent
 */
export function escapeAttr(s: string): string {
  assertXmlChars(s);
  return s.replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Attribute list in output order; entries whose value is undefined are skipped. */
export type Attrs = ReadonlyArray<readonly [name: string, value: string | undefined]>;

/** Builds an indented XML document line by line. */
export class XmlWriter {
  private readonly parts: string[] = [];
  private depth = 0;

  /** Starts the document with the XML declaration (always UTF-8). */
  constructor() {
    this.parts.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  }

  private attrs(attrs: Attrs): string {
    let s = '';
    for (const [k, v] of attrs) if (v !== undefined) s += ` ${k}="${escapeAttr(v)}"`;
    return s;
  }

  private line(s: string): void {
    this.parts.push(`${' '.repeat(this.depth)}${s}\n`);
  }

  /** Writes `<name …>` and indents what follows. */
  open(name: string, attrs: Attrs = []): this {
    this.line(`<${name}${this.attrs(attrs)}>`);
    this.depth++;
    return this;
  }

  /** Writes `</name>`. */
  close(name: string): this {
    this.depth--;
    this.line(`</${name}>`);
    return this;
  }

  /** Writes `<name …/>`. */
  empty(name: string, attrs: Attrs = []): this {
    this.line(`<${name}${this.attrs(attrs)}/>`);
    return this;
  }

  /** Writes `<name …>text</name>` on one line. */
  leaf(name: string, attrs: Attrs, text: string): this {
    this.line(`<${name}${this.attrs(attrs)}>${escapeText(text)}</${name}>`);
    return this;
  }

  /** Writes a comment; `--` is not allowed inside XML comments, so it is broken up. */
  comment(text: string): this {
    this.line(`<!-- ${text.replace(/-(?=-)/g, '- ').replace(/-$/, '- ')} -->`);
    return this;
  }

  /** The document written so far. */
  toString(): string {
    return this.parts.join('');
  }
}
