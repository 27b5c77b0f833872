import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_DECISION_KINDS } from '@common/registry/certificate-decisions';
import { resources } from '@common/i18n/resources';
import { decideCandidateBody } from '@modules/iati/iati.schemas';
import { reviewBody } from '@modules/aid/reports.schemas';
import { actionBody } from '@modules/procedures/dossiers.schemas';

const SRC = fileURLToPath(new URL('../../', import.meta.url));

/** Source files of the server (tests aside). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * Every action the server writes to the audit trail: the literal ones (`action: 'user.create'`, and the exchange
 * rates' two, passed as an argument), and the families built from an enum (certificate decisions, dossier
 * actions, report reviews, IATI organisation matches).
 */
function auditActions(): string[] {
  const literal = sources(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/action: '([a-z_]+(?:\.[a-z_]+)+)'/g), ...text.matchAll(/'(exchange_rate\.[a-z_]+)'/g)].map((m) => m[1]!);
  });
  const family = (prefix: string, values: readonly string[]) => values.map((v) => `${prefix}.${v.toLowerCase()}`);
  return [
    ...new Set([
      ...literal,
      ...family('certificate', CERTIFICATE_DECISION_KINDS),
      ...family(
        'dossier',
        actionBody.options.map((o) => o.shape.action.value),
      ),
      ...family('ngo_report', reviewBody.shape.decision.options),
      ...family('iati_org_candidate', decideCandidateBody.shape.decision.options),
    ]),
  ].sort();
}

const label = (lang: 'vi' | 'en', code: string) =>
  code
    .split('.')
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      (resources[lang].admin as { audit: { actions: unknown } }).audit.actions,
    );

describe('audit trail labels', () => {
  it('names every action the server records, in Vietnamese and English', () => {
    const actions = auditActions();
    expect(actions.length).toBeGreaterThan(60);
    const unlabelled = actions.filter((code) => typeof label('vi', code) !== 'string' || typeof label('en', code) !== 'string');
    expect(unlabelled).toEqual([]);
  });
});
