/**
 * The byte-level gate in front of the XML parser: size limit, encoding sniffing and strict UTF-8
 * decoding, chunk by chunk, so nothing is ever buffered beyond the first KiB.
 *
 * Why strict UTF-8 only: IATI requires UTF-8, the XSD validator (libxml2 in wasm) only supports
 * UTF-8, and silently decoding Latin-1 or UTF-16 as UTF-8 would corrupt Vietnamese names. So a file
 * that declares another encoding, starts with a UTF-16/32 byte-order mark, or contains invalid UTF-8
 * is refused with `iati_bad_encoding` instead of being guessed at.
 * @module
 */

/** A failure found at byte level. */
export interface GuardFailure {
  ok: false;
  code: 'iati_too_large' | 'iati_bad_encoding' | 'iati_truncated';
  detail: string;
  byteOffset: number;
}

/** Decoded text ready for the parser (possibly empty while the head is still being sniffed). */
export interface GuardText {
  ok: true;
  text: string;
}

/** Encodings accepted in the XML declaration: UTF-8 and its ASCII subset. */
const ACCEPTED = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);
/** How much of the start of the file is held back to read the BOM and the XML declaration. */
const HEAD_BYTES = 1024;

/** Size limit + encoding check + streaming strict UTF-8 decoder. */
export class ByteGuard {
  private total = 0;
  private head: Buffer | undefined = Buffer.alloc(0);
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  /** @param maxBytes refuse the input as soon as more than this many bytes have arrived */
  constructor(private readonly maxBytes: number) {}

  /** Bytes received so far. */
  get bytesRead(): number {
    return this.total;
  }

  /** Accepts the next chunk. */
  push(chunk: Uint8Array): GuardText | GuardFailure {
    const start = this.total;
    this.total += chunk.length;
    if (this.total > this.maxBytes) {
      return { ok: false, code: 'iati_too_large', detail: `more than ${this.maxBytes} bytes`, byteOffset: this.maxBytes };
    }
    if (this.head) {
      this.head = Buffer.concat([this.head, chunk]);
      // Hold the head back until the BOM and the whole XML declaration (if any) can be read.
      const waiting = this.head.length < HEAD_BYTES && (this.head.length < 8 || (startsWithDecl(this.head) && !this.head.includes('?>')));
      if (waiting) return { ok: true, text: '' };
      const bytes = this.head;
      this.head = undefined;
      const failure = sniff(bytes);
      return failure ?? this.decode(bytes, 0);
    }
    return this.decode(chunk, start);
  }

  /** Signals the end of input and flushes the decoder. */
  end(): GuardText | GuardFailure {
    if (this.head) {
      const bytes = this.head;
      this.head = undefined;
      const failure = sniff(bytes);
      if (failure) return failure;
      const r = this.decode(bytes, 0);
      if (!r.ok) return r;
      const tail = this.flush();
      return tail.ok ? { ok: true, text: r.text + tail.text } : tail;
    }
    return this.flush();
  }

  private flush(): GuardText | GuardFailure {
    try {
      return { ok: true, text: this.decoder.decode() };
    } catch {
      // The only way the final flush fails is a multi-byte sequence cut off by the end of the file.
      return { ok: false, code: 'iati_truncated', detail: 'the file ends inside a UTF-8 character', byteOffset: this.total };
    }
  }

  private decode(bytes: Uint8Array, offset: number): GuardText | GuardFailure {
    try {
      return { ok: true, text: this.decoder.decode(bytes, { stream: true }) };
    } catch {
      const at = offset + firstInvalidUtf8(bytes);
      return { ok: false, code: 'iati_bad_encoding', detail: `invalid UTF-8 byte sequence at byte ${at}`, byteOffset: at };
    }
  }
}

function startsWithDecl(b: Buffer): boolean {
  const s = b
    .subarray(0, 8)
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '');
  return s.startsWith('<?xml');
}

/** Checks the byte-order mark and the XML declaration's `encoding`. */
function sniff(b: Buffer): GuardFailure | undefined {
  const fail = (detail: string): GuardFailure => ({ ok: false, code: 'iati_bad_encoding', detail, byteOffset: 0 });
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return fail('UTF-16/32 byte-order mark');
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return fail('UTF-32 byte-order mark');
  // "<?" written as UTF-16 without a byte-order mark.
  if ((b[0] === 0x3c && b[1] === 0x00) || (b[0] === 0x00 && b[1] === 0x3c)) return fail('UTF-16 without byte-order mark');
  const text = b.toString('latin1').replace(/^\xEF\xBB\xBF/, '');
  const decl = /^<\?xml\s[^?]*?encoding\s*=\s*["']([^"']*)["']/.exec(text);
  if (decl && !ACCEPTED.has(decl[1]!.trim().toLowerCase())) return fail(`declared encoding "${decl[1]}"`);
  return undefined;
}

/**
 * Index of the first byte that does not start or continue a valid UTF-8 sequence (approximate across
 * chunk boundaries, which is enough for an error message).
 */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      if (i + k >= b.length) return i;
      if ((b[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return 0;
}
