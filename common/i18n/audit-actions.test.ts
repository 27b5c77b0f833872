import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from './resources';

/**
 * The audit screen shows each action in words, never its code (issue 17 §2: "Nhật ký certificate.extension_filed").
 * Every action the server writes to the audit trail must therefore have a label in both languages: literal actions
 * are read from the server's source, and actions built from a prefix (`certificate.${kind}`) need their prefix's group.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') && !full.endsWith('.test.ts') ? [full] : [];
  });
}

const server = sourceFiles(path.resolve(import.meta.dirname, '../../src')).map((file) => readFileSync(file, 'utf8'));
// Every dotted literal on an `action:` line, ternaries included (`submit ? 'agency_report.submit' : '….update'`).
const literalActions = [
  ...new Set(
    server.flatMap((text) =>
      text
        .split('\n')
        .filter((line) => /\baction: /.test(line))
        .flatMap((line) => [...line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)].map((m) => m[1]!)),
    ),
  ),
];
const templatePrefixes = [
  ...new Set(server.flatMap((text) => [...text.matchAll(/\baction: `([a-z_]+(?:\.[a-z_]+)*)\.\$\{/g)].map((m) => m[1]!))),
];

const lookup = (catalogue: unknown, dotted: string): unknown =>
  dotted
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), catalogue);

describe('audit actions in words', () => {
  it('finds the actions the server writes', () => {
    expect(literalActions.length).toBeGreaterThan(40);
    expect(literalActions).toContain('auth.sign_in');
    expect(templatePrefixes).toContain('certificate');
  });

  it.each(['vi', 'en'] as const)('every literal action has a %s label', (lang) => {
    const actions = lookup(resources[lang].admin, 'audit.actions');
    expect(literalActions.filter((action) => typeof lookup(actions, action) !== 'string')).toEqual([]);
  });

  it.each(['vi', 'en'] as const)('every action built from a prefix has its %s group of labels', (lang) => {
    const actions = lookup(resources[lang].admin, 'audit.actions');
    expect(templatePrefixes.filter((prefix) => typeof lookup(actions, prefix) !== 'object')).toEqual([]);
  });
});
