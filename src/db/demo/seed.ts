import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { hashPassword } from '@modules/auth/password';
import { writeAudit } from '@modules/audit/audit.writer';
import { demoAccounts } from './demo-accounts';
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
    for (const [i, account] of demoAccounts.entries()) {
      const organisation = account.organisationCode
        ? await trx.selectFrom('organisations').select('id').where('code', '=', account.organisationCode).executeTakeFirstOrThrow()
        : undefined;
      await trx
        .insertInto('users')
        .values({
          username: account.username,
          display_name: account.displayName,
          role: account.role,
          password_hash: hashes[i]!,
          agency_id: account.agencyId ?? null,
          organisation_id: organisation?.id ?? null,
        })
        .execute();
    }
    await writeAudit(
      trx,
      { actor: null, label: DEMO_LABEL },
      { action: 'demo.seed', entityType: 'database', entityId: null, after: { synthetic: true } },
    );
  });
}
