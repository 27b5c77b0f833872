import type { Transaction } from 'kysely';
import type { Database } from '@db/types';
import { generateStatisticsDemo } from './stats/generate';
import { proceduresDemo } from '@modules/procedures/procedures.demo';
import { seedProgrammeDemo } from './programme/seed';
import { seedCoordinationDemo } from './programme/coordination';
import { seedProgrammeReportsDemo } from './programme/reports';
import { seedSupervisionDemo } from './supervision';
import { seedAidReportsDemo } from './aid-reports';
import { seedInspectionsDemo } from './inspections';
import { seedSanctionsDemo } from './sanctions';
import { seedAidApprovalsDemo } from './aid-approvals';

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

/**
 * The calibrated registry and aid (src/db/demo/stats): ~600 NGOs with certificates, ~6,000 aid items with
 * transactions and reports, reproducing the published figures (436 regularly active NGOs and 223.7 M USD
 * disbursed in 2022, Cao Bằng's 2022 summary…). Dossiers in every state are added by the procedures module's own
 * step, appended after this one (it can pick organisations by code, `DEMO-0002`…).
 */
const statisticsDemo: DemoStep = {
  name: 'registry, aid and reports (calibrated statistics)',
  async run(trx) {
    await generateStatisticsDemo(trx);
  },
};

/** The needs catalogue (src/db/demo/programme): published proposals, interests and one funded proposal. */
const programmeDemo: DemoStep = { name: 'needs catalogue (synthetic proposals)', run: seedProgrammeDemo };

/** The Programme's coordination (src/db/demo/programme/coordination.ts): the 5th International Conference and awards. */
const coordinationDemo: DemoStep = { name: 'programme meetings and awards (synthetic)', run: seedCoordinationDemo };

/** The Programme's yearly reports on 2025 (src/db/demo/programme/reports.ts): some submitted, one returned, the rest missing. */
const programmeReportsDemo: DemoStep = { name: 'programme yearly reports (synthetic)', run: seedProgrammeReportsDemo };

/** What the synthetic NGOs did about their obligations (src/db/demo/supervision.ts): some done, some late, a few waived. */
const supervisionDemo: DemoStep = { name: 'obligations of the demo certificates', run: seedSupervisionDemo };

/** Cao Bằng's yearly inspection plan and two inspections (src/db/demo/inspections.ts): one closed, one with an overdue action. */
const inspectionsDemo: DemoStep = { name: 'inspection plan and inspections (synthetic)', run: seedInspectionsDemo };

/** One suspension in progress and one forced termination settled (src/db/demo/sanctions.ts). */
const sanctionsDemo: DemoStep = { name: 'sanctions: a suspension in progress, a termination settled (synthetic)', run: seedSanctionsDemo };

/** The aid's reports on their clocks (src/db/demo/aid-reports.ts): most filed, some late or missing; counterpart funds. */
const aidReportsDemo: DemoStep = { name: 'aid reports on their clocks and counterpart funds (synthetic)', run: seedAidReportsDemo };

/** Aid approvals at each approval level (src/db/demo/aid-approvals.ts), with MOF, MOH and Cao Bằng's Department of Finance. */
const aidApprovalsDemo: DemoStep = { name: 'aid approvals at each level (synthetic)', run: seedAidApprovalsDemo };

export const demoSteps: DemoStep[] = [
  demoOrganisation,
  statisticsDemo,
  proceduresDemo,
  programmeDemo,
  coordinationDemo,
  programmeReportsDemo,
  supervisionDemo,
  inspectionsDemo,
  sanctionsDemo,
  aidReportsDemo,
  aidApprovalsDemo,
];
