/**
 * Demo step: dossiers in every state of the procedure graph for the synthetic demo organisations, with
 * realistic step dates (working days counted with the published holiday decisions), supplements, clock pauses,
 * consultations (answered, pending, overdue), decisions that issued certificates in the registry, timelines and
 * inbox notices. The demo NGO account's organisation (DEMO-0001) gets a draft, a dossier awaiting its supplement
 * and a delivered one. Documents are rows whose bytes are generated on download (demo-documents.ts).
 */
import type { Transaction } from 'kysely';
import { buildCalendar, publishedDecisions } from '@domain/calendar';
import type { DemoStep } from '@db/demo/steps';
import type { Database } from '@db/types';
import { play, type Plan, type Step } from './demo-player';
import { vietnamToday } from '@common/time/vietnam-today';

const TO_DELIVERY: [Step, number][] = [
  ['SUBMIT', 0],
  ['ACCEPT', 2],
  ['START_CONSULTATION', 2],
  ['ANSWER', 6],
  ['ANSWER', 1],
  ['ANSWER', 2],
  ['ANSWER', 1],
  ['FORWARD_TO_MOFA', 1],
  ['START_APPRAISAL', 1],
  ['APPROVE', 6],
  ['DELIVER', 2],
];
const upTo = (last: Step, from: [Step, number][] = TO_DELIVERY) => from.slice(0, from.findIndex(([s]) => s === last) + 1);

/** One dossier per state (and a few more), in the order they are created. */
const PLANS: Plan[] = [
  { org: 'own', script: [], idleDays: 0 },
  {
    org: 'own',
    script: [
      ['SUBMIT', 0],
      ['REQUEST_SUPPLEMENT', 1],
    ],
    idleDays: 1,
  },
  { org: 'own', script: TO_DELIVERY, idleDays: 20 },
  { org: 0, script: [['SUBMIT', 0]], idleDays: 1 },
  {
    org: 1,
    script: [
      ['SUBMIT', 0],
      ['REQUEST_SUPPLEMENT', 1],
      ['SUPPLEMENT', 3],
    ],
    idleDays: 0,
  },
  { org: 2, script: upTo('ACCEPT'), idleDays: 1 },
  { org: 3, script: [...upTo('START_CONSULTATION'), ['ANSWER', 4]], idleDays: 3 },
  // Consultation long overdue at two agencies: shows in the SLA overdue list and triggers reminders.
  { org: 4, script: [...upTo('START_CONSULTATION'), ['ANSWER', 5], ['ANSWER', 2]], idleDays: 25 },
  { org: 5, script: [...upTo('START_CONSULTATION'), ['REQUEST_SUPPLEMENT', 3]], idleDays: 4 },
  { org: 6, script: upTo('FORWARD_TO_MOFA'), idleDays: 1 },
  { org: 7, script: upTo('START_APPRAISAL'), idleDays: 2 },
  { org: 8, script: upTo('APPROVE'), idleDays: 1 },
  { org: 9, script: [...upTo('START_APPRAISAL'), ['REJECT', 5]], idleDays: 1 },
  { org: 10, script: TO_DELIVERY, idleDays: 40 },
  // Delivered late: 37 working days after acceptance.
  { org: 11, script: [...upTo('START_APPRAISAL'), ['APPROVE', 17], ['DELIVER', 2]], idleDays: 60 },
  {
    org: 12,
    script: [
      ['SUBMIT', 0],
      ['WITHDRAW', 2],
    ],
    idleDays: 5,
  },
];

async function organisations(trx: Transaction<Database>): Promise<{ own: string | undefined; others: string[] }> {
  const rows = await trx
    .selectFrom('organisations')
    .select(['id', 'code'])
    .where('synthetic', '=', true)
    .where('home_term_until', 'is', null)
    .orderBy('code')
    .limit(40)
    .execute();
  return { own: rows.find((r) => r.code === 'DEMO-0001')?.id, others: rows.filter((r) => r.code !== 'DEMO-0001').map((r) => r.id) };
}

/** The demo step (registered last in src/db/demo/steps.ts). */
export const proceduresDemo: DemoStep = {
  name: 'procedure dossiers in every state',
  async run(trx) {
    const { own, others } = await organisations(trx);
    if (!own && others.length === 0) return;
    const today = vietnamToday();
    const calendar = buildCalendar({
      decisions: publishedDecisions,
      fromYear: Number(today.slice(0, 4)) - 2,
      toYear: Number(today.slice(0, 4)) + 5,
    });
    let n = 0;
    for (const plan of PLANS) {
      const organisationId = plan.org === 'own' ? own : others[plan.org % Math.max(others.length, 1)];
      if (organisationId) await play(trx, organisationId, plan, calendar, today, ++n);
    }
  },
};
