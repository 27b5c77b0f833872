import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeText, hasInvalidXmlChar, XmlWriter } from './xml-writer';

describe('XML escaping', () => {
  it('escapes markup characters and the whitespace that parsers would normalise', () => {
    expect(escapeText('a < b & c > d\r\n')).toBe('a &lt; b &amp; c &gt; d&#13;\n');
    expect(escapeAttr('say "hi"\tand\nbye')).toBe('say &quot;hi&quot;&#9;and&#10;bye');
  });

  it('keeps characters outside the BMP and rejects those XML cannot carry', () => {
    expect(escapeText('🌉 cầu')).toBe('🌉 cầu');
    expect(hasInvalidXmlChar('ok 🌉')).toBe(false);
    for (const bad of ['\u0000', '\u0008', '\uFFFF', '\uD800 lone surrogate']) {
      expect(hasInvalidXmlChar(bad)).toBe(true);
      expect(() => escapeText(bad)).toThrow(RangeError);
    }
  });

  it('never ends a comment early', () => {
    expect(new XmlWriter().comment('a -- b -').toString()).toContain('<!-- a - - b -  -->');
  });
});
