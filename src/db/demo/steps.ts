import type { Transaction } from 'kysely';
import type { Database } from '@db/types';

/** One stage of the demo data generator; stages run in order inside the seeding transaction. */
export type DemoStep = { name: string; run: (trx: Transaction<Database>) => Promise<void> };

/** The minimum the demo accounts need: the organisation of the NGO account. The statistics generator adds the rest. */
const demoOrganisation: DemoStep = {
  name: 'demo organisation',
  async run(trx) {
    await trx
      .insertInto('organisations')
      .values({
        code: 'DEMO-0001',
        name_original: 'Helping Hands for Children (synthetic)',
        name_en: 'Helping Hands for Children (synthetic)',
        name_vi: 'Tổ chức Cứu trợ trẻ em Bàn Tay (dữ liệu giả lập)',
        acronym: 'HHC',
        country_code: 'GB',
        synthetic: true,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  },
};

export const demoSteps: DemoStep[] = [demoOrganisation];
