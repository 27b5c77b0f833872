/**
 * Reminders on the clocks of open sanction cases, in the procedures' hourly pass (reminders.ts): whoever must act is
 * told two working days before a step falls due and once it is overdue (inbox, and e-mail through the same mailer
 * pass). Agencies for their opinions, COMINGO for the notice and the recovery, the NGO (and COMINGO) for the remedy
 * and the settlement. Dedupe keys make each reminder once per step and due date.
 */
import type { Kysely } from 'kysely';
import type { Database } from '@db/types';
import { loadCalendar } from '@modules/calendar/calendar.service';
import type { ClockView } from '@modules/procedures/deadlines';
import { notify, type Audience } from '@modules/procedures/inbox.service';
import { loadCatalogue, stepNames, versionById } from '@modules/procedures/procedures.catalogue';
import { opinionClock, sanctionStepClocks } from './sanction-clocks';
import { sanctionsDb } from './sanctions.tables';

/** As for dossiers (procedures/reminders.ts): two working days before, and on the day itself. */
const REMIND_WORKING_DAYS_BEFORE = 2;

function reminderKind(clock: ClockView): 'REMINDER_DUE_SOON' | 'REMINDER_OVERDUE' | null {
  if (clock.state !== 'RUNNING' || !clock.dueDate) return null;
  if (clock.overdueDays > 0) return 'REMINDER_OVERDUE';
  return clock.remainingDays <= REMIND_WORKING_DAYS_BEFORE ? 'REMINDER_DUE_SOON' : null;
}

const audiencesOf = (role: string, organisationId: string): Audience[] =>
  role === 'NGO' ? [{ organisationId }, { comingo: true }] : role === 'COMINGO' || role === 'MOFA' ? [{ comingo: true }] : [];

/**
 * One pass on `today`.
 * @returns how many reminders were created
 */
export async function runSanctionReminders(db: Kysely<Database>, today: string): Promise<number> {
  const sdb = sanctionsDb(db);
  const cases = await sdb.selectFrom('sanction_cases').selectAll().where('status', '<>', 'CLOSED').execute();
  if (!cases.length) return 0;
  const [calendar, catalogue, opinions] = await Promise.all([
    loadCalendar(db),
    loadCatalogue(db),
    sdb
      .selectFrom('sanction_opinions')
      .selectAll()
      .where(
        'case_id',
        'in',
        cases.map((c) => c.id),
      )
      .execute(),
  ]);
  let created = 0;
  for (const c of cases) {
    const version = versionById(catalogue, c.procedure_version_id);
    const mine = opinions.filter((o) => o.case_id === c.id);
    const send = async (audience: Audience, kind: string, step: string, clock: ClockView, key: string) => {
      const params = {
        code: c.code,
        caseId: c.id,
        ...stepNames(version, step),
        dueDate: clock.dueDate,
        days: kind === 'REMINDER_OVERDUE' ? clock.overdueDays : clock.remainingDays,
        unit: clock.unit,
      };
      created += await notify(db, audience, kind as 'REMINDER_DUE_SOON', null, params, key);
    };
    for (const step of sanctionStepClocks(c, version, mine, calendar, today)) {
      const kind = step.clock && reminderKind(step.clock);
      if (!kind || !step.clock || step.code === 'P2_OPINION') continue;
      for (const audience of audiencesOf(step.role, c.organisation_id)) {
        await send(audience, kind, step.code, step.clock, `${kind}:sanction:${c.id}:${step.code}:${step.clock.dueDate}`);
      }
    }
    if (c.status !== 'CONSULTING') continue;
    for (const o of mine.filter((x) => x.answered_on === null)) {
      const clock = opinionClock(o, c, calendar, today);
      const kind = reminderKind(clock);
      if (kind) await send({ agencyId: o.agency_id }, kind, 'P2_OPINION', clock, `${kind}:sanction-opinion:${o.id}:${clock.dueDate}`);
    }
  }
  return created;
}
