import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '@db/types';
import { sqlVietnamToday } from '@db/vietnam-today';
import { isTaskLate, type MeetingKind, type TaskStatus } from '@domain/programme/coordination';
import type { Actor } from '@modules/auth/actor';
import { isCentral, meetingScopeCondition, ownTaskSql } from './meetings.policy';
import type { MeetingDetail, MeetingListItem, MeetingsQuery, PublicMeetingItem } from './meetings.schemas';

type ListRow = {
  id: string;
  kind: MeetingKind;
  title_vi: string;
  title_en: string | null;
  meeting_date: string;
  place: string | null;
  is_public: boolean;
  open_tasks: string;
  late_tasks: string;
  synthetic: boolean;
};

const presentListRow = (r: ListRow): MeetingListItem => ({
  id: r.id,
  kind: r.kind,
  titleVi: r.title_vi,
  titleEn: r.title_en,
  meetingDate: r.meeting_date,
  place: r.place,
  isPublic: r.is_public,
  openTasks: Number(r.open_tasks),
  lateTasks: Number(r.late_tasks),
  synthetic: r.synthetic,
});

/** The list filters on programme_meetings `m`: kind, year held, and "has a late task" (Vietnam today, in SQL). */
export function meetingFilterSql(q: MeetingsQuery): RawBuilder<SqlBool>[] {
  const parts: RawBuilder<SqlBool>[] = [];
  if (q.kind) parts.push(sql<SqlBool>`m.kind = ${q.kind}`);
  if (q.year) parts.push(sql<SqlBool>`extract(year from m.meeting_date) = ${q.year}`);
  if (q.lateOnly === 'true')
    parts.push(sql<SqlBool>`exists (select 1 from programme_meeting_tasks lt
      where lt.meeting_id = m.id and lt.status = 'OPEN' and lt.due_date < ${sqlVietnamToday})`);
  return parts;
}

/**
 * One page of the meetings matching `conditions` (scope first), latest first, with each one's open and late
 * follow-up tasks counted in SQL (late: open after the due date, Vietnam today), and the total.
 */
export async function findMeetings(
  db: Kysely<Database>,
  conditions: RawBuilder<SqlBool>[],
  page: { limit: number; offset: number },
): Promise<{ items: MeetingListItem[]; total: number }> {
  const where = conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
  const [rows, count] = await Promise.all([
    sql<ListRow>`select m.id, m.kind, m.title_vi, m.title_en, m.meeting_date::text as meeting_date, m.place, m.is_public, m.synthetic,
        (select count(*) from programme_meeting_tasks t where t.meeting_id = m.id and t.status = 'OPEN') as open_tasks,
        (select count(*) from programme_meeting_tasks t
          where t.meeting_id = m.id and t.status = 'OPEN' and t.due_date < ${sqlVietnamToday}) as late_tasks
      from programme_meetings m
      where ${where}
      order by m.meeting_date desc, m.id
      limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: string }>`select count(*) as n from programme_meetings m where ${where}`.execute(db),
  ]);
  return { items: rows.rows.map(presentListRow), total: Number(count.rows[0]!.n) };
}

/** One page of the meetings marked public: title, date and conclusions only. */
export async function findPublicMeetings(
  db: Kysely<Database>,
  page: { limit: number; offset: number },
): Promise<{ items: PublicMeetingItem[]; total: number }> {
  const [rows, count] = await Promise.all([
    sql<{ id: string; title_vi: string; title_en: string | null; meeting_date: string; conclusions: string | null; synthetic: boolean }>`
      select m.id, m.title_vi, m.title_en, m.meeting_date::text as meeting_date, m.conclusions, m.synthetic
      from programme_meetings m where m.is_public
      order by m.meeting_date desc, m.id limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: string }>`select count(*) as n from programme_meetings m where m.is_public`.execute(db),
  ]);
  return {
    items: rows.rows.map((r) => ({
      id: r.id,
      titleVi: r.title_vi,
      titleEn: r.title_en,
      meetingDate: r.meeting_date,
      conclusions: r.conclusions,
      synthetic: r.synthetic,
    })),
    total: Number(count.rows[0]!.n),
  };
}

type TaskRow = {
  id: string;
  description: string;
  owner_agency_id: string;
  owner_vi: string;
  owner_en: string;
  due_date: string;
  status: TaskStatus;
  done_on: string | null;
  own: boolean;
  version: number;
};

/**
 * A meeting the actor may read, with participants, documents and tasks (each with whether it is late on `today`
 * and whether the actor may change its status); undefined outside the actor's scope.
 */
export async function readMeetingDetail(db: Kysely<Database>, actor: Actor, id: string, today: string): Promise<MeetingDetail | undefined> {
  const meeting = (
    await sql<ListRow & { guests: string[]; conclusions: string | null; version: number }>`
      select m.id, m.kind, m.title_vi, m.title_en, m.meeting_date::text as meeting_date, m.place, m.is_public, m.synthetic,
        m.guests, m.conclusions, m.version, 0 as open_tasks, 0 as late_tasks
      from programme_meetings m where m.id = ${id} and ${meetingScopeCondition(actor)}`.execute(db)
  ).rows[0];
  if (!meeting) return undefined;
  const [agencies, organisations, documents, tasks] = await Promise.all([
    sql<{ id: string; name_vi: string; name_en: string }>`select a.id, a.name_vi, a.name_en
      from programme_meeting_agencies pa join agencies a on a.id = pa.agency_id
      where pa.meeting_id = ${id} order by a.name_vi`.execute(db),
    sql<{ id: string; name_original: string; name_vi: string | null; name_en: string | null }>`
      select o.id, o.name_original, o.name_vi, o.name_en
      from programme_meeting_organisations po join organisations o on o.id = po.organisation_id
      where po.meeting_id = ${id} order by o.name_original`.execute(db),
    sql<{ id: string; file_name: string; media_type: string; size_bytes: number; sha256: string; uploaded_at: Date }>`
      select d.id, d.file_name, d.media_type, d.size_bytes, d.sha256, d.uploaded_at
      from programme_meeting_documents d where d.meeting_id = ${id} order by d.uploaded_at, d.id`.execute(db),
    sql<TaskRow>`select t.id, t.description, t.owner_agency_id, a.name_vi as owner_vi, a.name_en as owner_en,
        t.due_date::text as due_date, t.status, t.done_on::text as done_on, ${ownTaskSql(actor)} as own, t.version
      from programme_meeting_tasks t join agencies a on a.id = t.owner_agency_id
      where t.meeting_id = ${id} order by t.due_date, t.created_at, t.id`.execute(db),
  ]);
  const taskViews = tasks.rows.map((t) => {
    const view = { status: t.status, dueDate: t.due_date };
    return {
      id: t.id,
      description: t.description,
      ownerAgency: { id: t.owner_agency_id, nameVi: t.owner_vi, nameEn: t.owner_en },
      dueDate: t.due_date,
      status: t.status,
      doneOn: t.done_on,
      late: isTaskLate(view, today),
      canChangeStatus: t.own,
      version: t.version,
    };
  });
  return {
    ...presentListRow(meeting),
    openTasks: taskViews.filter((t) => t.status === 'OPEN').length,
    lateTasks: taskViews.filter((t) => t.late).length,
    agencies: agencies.rows.map((a) => ({ id: a.id, nameVi: a.name_vi, nameEn: a.name_en })),
    organisations: organisations.rows.map((o) => ({ id: o.id, name: o.name_original, nameVi: o.name_vi, nameEn: o.name_en })),
    guests: meeting.guests,
    conclusions: meeting.conclusions,
    documents: documents.rows.map((d) => ({
      id: d.id,
      fileName: d.file_name,
      mediaType: d.media_type,
      sizeBytes: Number(d.size_bytes),
      sha256: d.sha256,
      uploadedAt: new Date(d.uploaded_at).toISOString(),
    })),
    tasks: taskViews,
    canEdit: isCentral(actor),
    version: meeting.version,
  };
}
