import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { hashPassword } from '@modules/auth/password';
import { writeAudit } from '@modules/audit/audit.writer';
import { demoAccounts, type DemoAccount } from './demo-accounts';
import { demoSteps } from './steps';

export const DEMO_LABEL = 'demo-seed';

/** True when the database holds no people and no organisations: the only state demo data is loaded into. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const [users, orgs] = await Promise.all([
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return Number(users.n) === 0 && Number(orgs.n) === 0;
}

async function insertDemoAccount(db: Kysely<Database>, account: DemoAccount, passwordHash: string): Promise<void> {
  const organisation = account.organisationCode
    ? await db.selectFrom('organisations').select('id').where('code', '=', account.organisationCode).executeTakeFirstOrThrow()
    : undefined;
  await db
    .insertInto('users')
    .values({
      username: account.username,
      display_name: account.displayName,
      role: account.role,
      password_hash: passwordHash,
      agency_id: account.agencyId ?? null,
      organisation_id: organisation?.id ?? null,
    })
    .execute();
}

/**
 * A demo database loaded before a role existed (the aid owner, issue 13) gets that role's demo account at the next
 * start, so the start-up log still prints one account per role. Only in a database the demo seed loaded, and
 * never over an existing user name.
 */
export async function addMissingDemoAccounts(db: Kysely<Database>): Promise<string[]> {
  const seeded = await db.selectFrom('audit_log').select('id').where('action', '=', 'demo.seed').limit(1).executeTakeFirst();
  if (!seeded) return [];
  const taken = new Set((await db.selectFrom('users').select('username').execute()).map((u) => u.username.toLowerCase()));
  const missing = demoAccounts.filter((a) => !taken.has(a.username.toLowerCase()));
  if (!missing.length) return [];
  const hashes = await Promise.all(missing.map((account) => hashPassword(account.password)));
  await db.transaction().execute(async (trx) => {
    for (const [i, account] of missing.entries()) await insertDemoAccount(trx, account, hashes[i]!);
    await writeAudit(
      trx,
      { actor: null, label: DEMO_LABEL },
      { action: 'demo.seed', entityType: 'database', entityId: null, after: { synthetic: true, accounts: missing.map((a) => a.username) } },
    );
  });
  return missing.map((a) => a.username);
}

/**
 * Loads the synthetic demo data (marked synthetic everywhere it is shown) into an empty database: each step of
 * {@link demoSteps}, then one account per role. Runs in one transaction, so a failure leaves the database empty.
 */
export async function seedDemo(db: Kysely<Database>, log: (message: string) => void = () => undefined): Promise<void> {
  const hashes = await Promise.all(demoAccounts.map((account) => hashPassword(account.password)));
  await db.transaction().execute(async (trx) => {
    for (const step of demoSteps) {
      const started = Date.now();
      await step.run(trx);
      log(`demo data: ${step.name} (${Date.now() - started} ms)`);
    }
    for (const [i, account] of demoAccounts.entries()) await insertDemoAccount(trx, account, hashes[i]!);
    await writeAudit(
      trx,
      { actor: null, label: DEMO_LABEL },
      { action: 'demo.seed', entityType: 'database', entityId: null, after: { synthetic: true } },
    );
  });
}
