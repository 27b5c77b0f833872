/**
 * The FNGO's obligations after a certificate (Decree 58 Art. 19.1(b), 21; domain.md §2.7): what it owes, by when,
 * on which legal basis, and where each stands on a given day. Pure: the working-day arithmetic is injected (the
 * same calendar as the procedures' deadlines), "today" is passed in, and every fact comes from the caller.
 * @module
 */
import { addDays, addMonths, compareIsoDates, type IsoDate } from '../calendar/iso-date';
import { ngoReportPeriod, ngoReportYearOf } from '../reporting/periods';
import type { CertificateEventKind } from './certificate-events';
import type { AddWorkingDays } from './iso-date';

export const OBLIGATION_KINDS = [
  'BANK_ACCOUNT_NOTICE',
  'IMPLEMENTATION_PLAN',
  'ANNUAL_REPORT',
  'DATA_UPDATE',
  'INACTIVITY_REVIEW',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];
export const OBLIGATION_STATUSES = ['DONE', 'DUE', 'LATE', 'WAIVED'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

/** The clocks of Art. 21 and Art. 19.1(b). */
export const OBLIGATION_CLOCKS = {
  /** O1: working days from receiving the certificate to notify the bank account. */
  bankAccountWorkingDays: 10,
  /** O2: working days from receiving a new, extended or amended certificate to notify the implementation plan. */
  implementationPlanWorkingDays: 45,
  /** O4: calendar days ("10 ngày") from a change to update the FNGO's own data in the database. */
  dataUpdateDays: 10,
  /** Art. 19.1(b): months without activity after issue that ground a forced termination. */
  inactivityMonths: 12,
} as const;

/** The legal basis of each kind, in both languages (shown with every obligation). */
export const OBLIGATION_LEGAL_BASIS: Record<ObligationKind, { vi: string; en: string }> = {
  BANK_ACCOUNT_NOTICE: {
    vi: 'Điều 21 Nghị định 58/2022/NĐ-CP: thông báo tài khoản ngân hàng trong 10 ngày làm việc kể từ ngày nhận Giấy đăng ký',
    en: 'Decree 58/2022 Art. 21: notify the bank account within 10 working days of receiving the certificate',
  },
  IMPLEMENTATION_PLAN: {
    vi: 'Điều 21 Nghị định 58/2022/NĐ-CP: gửi kế hoạch triển khai hoạt động tới UBND cấp tỉnh trong 45 ngày làm việc kể từ ngày nhận Giấy đăng ký mới, gia hạn hoặc sửa đổi',
    en: "Decree 58/2022 Art. 21: send the implementation plan to the provincial People's Committee within 45 working days of receiving a new, extended or amended certificate",
  },
  ANNUAL_REPORT: {
    vi: 'Điều 21 Nghị định 58/2022/NĐ-CP: báo cáo định kỳ hằng năm (Mẫu số 05) trước ngày 18/12',
    en: 'Decree 58/2022 Art. 21: annual report (Form 05) by 18 December',
  },
  DATA_UPDATE: {
    vi: 'Điều 21 Nghị định 58/2022/NĐ-CP: cập nhật thông tin của tổ chức vào Cơ sở dữ liệu trong 10 ngày kể từ ngày có thay đổi',
    en: 'Decree 58/2022 Art. 21: update the organisation’s data in the database within 10 days of a change',
  },
  INACTIVITY_REVIEW: {
    vi: 'Điểm b khoản 1 Điều 19 Nghị định 58/2022/NĐ-CP: không hoạt động trong 12 tháng liên tục kể từ ngày được cấp Giấy đăng ký',
    en: 'Decree 58/2022 Art. 19.1(b): no activity for 12 consecutive months after the certificate was issued',
  },
};

/** A decision on a certificate that can start obligations, with the content it left (provinces after it). */
export type ObligationDecision = {
  eventId: string;
  certificateId: string;
  kind: CertificateEventKind;
  decisionDate: IsoDate;
  /** The day the FNGO received the certificate; the decision date when not recorded. */
  receivedDate: IsoDate | null;
  /** Provinces of the certificate's content after this decision. */
  provinceIds: readonly string[];
  /** For AMENDED / SUPPLEMENTED: whether the representative office's province changed (an O4 data change). */
  officeChanged?: boolean;
};

/** A change of the FNGO's own data that it must carry into the database (O4). */
export type DataChange = {
  id: string;
  /** The day the change happened (a new representative's start date). */
  changedOn: IsoDate;
  /** The day it was recorded in vnaid, when it was. */
  recordedOn: IsoDate | null;
};

/** What shows activity inside a certificate's first 12 months (Art. 19.1(b)): counts and the first date. */
export type ActivityEvidence = { disbursements: number; reports: number; aidItems: number; firstActivityOn: IsoDate | null };

/** A recorded fulfilment or waiver of one obligation, by its key. */
export type ObligationRecord = { key: string; status: 'DONE' | 'WAIVED'; doneOn: IsoDate };

/** One obligation as derived. `key` identifies it for fulfilments and waivers. */
export type Obligation = {
  key: string;
  kind: ObligationKind;
  certificateId: string | null;
  /** The certificate decision that started it (its receipt date can be recorded). */
  eventId: string | null;
  provinceId: string | null;
  /** Report year for ANNUAL_REPORT. */
  year: number | null;
  startsOn: IsoDate;
  dueDate: IsoDate;
  status: ObligationStatus;
  doneOn: IsoDate | null;
  legalBasis: { vi: string; en: string };
  evidence?: ActivityEvidence;
};

export type ObligationFacts = {
  decisions: readonly ObligationDecision[];
  /** Periods the organisation held a certificate in force (for which annual reports are owed). */
  activeRanges: readonly { from: IsoDate; to: IsoDate; certificateId?: string }[];
  /** Submitted annual reports: year → day submitted. */
  submittedReports: ReadonlyMap<number, IsoDate>;
  dataChanges: readonly DataChange[];
  /** Bank-account notices recorded in the registry (organisation_bank_accounts.notified_on). */
  bankNoticeDates: readonly IsoDate[];
  /** Activity inside the first 12 months, per ISSUED decision (event id). */
  activity: ReadonlyMap<string, ActivityEvidence>;
  /**
   * Every day the organisation showed activity (a disbursement, a submitted report, an aid item starting), for the
   * watch over any 12 consecutive months after the first ones (Art. 19.1(b)): while a certificate is in force, the
   * stretch after the last activity that has stayed silent for 12 months is LATE. Absent = no later watch.
   */
  activityDates?: readonly IsoDate[];
  records: readonly ObligationRecord[];
};

const IMPLEMENTATION_PLAN_EVENTS: ReadonlySet<CertificateEventKind> = new Set(['ISSUED', 'EXTENDED', 'AMENDED', 'SUPPLEMENTED']);
const DATA_EVENTS: ReadonlySet<CertificateEventKind> = new Set(['AMENDED', 'SUPPLEMENTED']);

/** The day the FNGO received a decision: the recorded receipt, else the decision date (the brief's default). */
export const receiptDate = (d: Pick<ObligationDecision, 'decisionDate' | 'receivedDate'>): IsoDate => d.receivedDate ?? d.decisionDate;

/** O1 due date: 10 working days after receipt (the receipt day itself is not counted). */
export const bankAccountDue = (received: IsoDate, addWorkingDays: AddWorkingDays): IsoDate =>
  addWorkingDays(received, OBLIGATION_CLOCKS.bankAccountWorkingDays);

/** O2 due date: 45 working days after receipt. */
export const implementationPlanDue = (received: IsoDate, addWorkingDays: AddWorkingDays): IsoDate =>
  addWorkingDays(received, OBLIGATION_CLOCKS.implementationPlanWorkingDays);

/** O4 due date: 10 calendar days after the change. */
export const dataUpdateDue = (changedOn: IsoDate): IsoDate => addDays(changedOn, OBLIGATION_CLOCKS.dataUpdateDays);

/** Art. 19.1(b): the day the 12 months after issue are complete (the watch falls due then). */
export const inactivityDue = (issuedOn: IsoDate): IsoDate => addMonths(issuedOn, OBLIGATION_CLOCKS.inactivityMonths);

/** Stable keys: a fulfilment or waiver is stored against these. */
export const obligationKey = {
  bankAccount: (eventId: string) => `BANK_ACCOUNT_NOTICE:${eventId}`,
  implementationPlan: (eventId: string, provinceId: string) => `IMPLEMENTATION_PLAN:${eventId}:${provinceId}`,
  annualReport: (year: number) => `ANNUAL_REPORT:${year}`,
  dataUpdate: (sourceId: string) => `DATA_UPDATE:${sourceId}`,
  inactivity: (eventId: string) => `INACTIVITY_REVIEW:${eventId}`,
  /** A later stretch of 12 months without activity, starting on the last activity before it. */
  laterInactivity: (eventId: string, from: string) => `INACTIVITY_REVIEW:${eventId}:${from}`,
};

/**
 * Status on `today`: DONE or WAIVED once recorded, else LATE after the due date, else DUE. A fulfilment after the
 * due date stays DONE (doneOn tells it was late).
 */
export function obligationStatus(dueDate: IsoDate, today: IsoDate, record: Pick<ObligationRecord, 'status'> | null): ObligationStatus {
  if (record) return record.status;
  return compareIsoDates(today, dueDate) > 0 ? 'LATE' : 'DUE';
}

const overlaps = (a: { from: IsoDate; to: IsoDate }, b: { from: IsoDate; to: IsoDate }) =>
  compareIsoDates(a.from, b.to) <= 0 && compareIsoDates(b.from, a.to) <= 0;

/**
 * Art. 19.1(b) over any 12 consecutive months, not only the first ones: the stretches that start on a day of activity
 * (after `issuedOn`) and see no further activity for 12 months, completed by `until` (today, or the end of the period
 * in force). Each comes with the day activity resumed, if it did by `until`. The first 12 months after issue are the
 * watch of {@link inactivityDue}.
 */
export function inactivityGaps(
  issuedOn: IsoDate,
  activityDates: readonly IsoDate[],
  until: IsoDate,
): { from: IsoDate; due: IsoDate; resumedOn: IsoDate | null }[] {
  const days = [...new Set(activityDates.filter((d) => compareIsoDates(d, issuedOn) >= 0 && compareIsoDates(d, until) <= 0))].sort(
    compareIsoDates,
  );
  const gaps: { from: IsoDate; due: IsoDate; resumedOn: IsoDate | null }[] = [];
  days.forEach((from, i) => {
    const due = addMonths(from, OBLIGATION_CLOCKS.inactivityMonths);
    const next = days[i + 1] ?? null;
    if (next ? compareIsoDates(next, due) >= 0 : compareIsoDates(due, until) < 0) gaps.push({ from, due, resumedOn: next });
  });
  return gaps;
}

/**
 * Every obligation of one organisation that has started by `today`, ordered by due date: O1 per issue, O2 per
 * province of every new, extended or amended certificate, O3 per report year a certificate was in force, O4 per
 * change of representative or office, and the Art. 19.1(b) inactivity watch per issue.
 */
export function deriveObligations(facts: ObligationFacts, today: IsoDate, addWorkingDays: AddWorkingDays): Obligation[] {
  const records = new Map(facts.records.map((r) => [r.key, r]));
  const out: Obligation[] = [];
  const push = (o: Omit<Obligation, 'status' | 'legalBasis' | 'doneOn'>, auto: IsoDate | null) => {
    if (compareIsoDates(o.startsOn, today) > 0) return;
    const record = records.get(o.key) ?? null;
    const done = auto && compareIsoDates(auto, today) <= 0 ? ({ status: 'DONE', doneOn: auto } as const) : null;
    const effective = done ?? record;
    out.push({
      ...o,
      status: obligationStatus(o.dueDate, today, effective),
      doneOn: effective?.doneOn ?? null,
      legalBasis: OBLIGATION_LEGAL_BASIS[o.kind],
    });
  };
  const firstOnOrAfter = (dates: readonly IsoDate[], from: IsoDate) =>
    dates.filter((d) => compareIsoDates(d, from) >= 0).sort(compareIsoDates)[0] ?? null;
  const base = { provinceId: null, year: null, eventId: null };

  for (const d of facts.decisions) {
    const received = receiptDate(d);
    if (d.kind === 'ISSUED') {
      push(
        {
          ...base,
          key: obligationKey.bankAccount(d.eventId),
          kind: 'BANK_ACCOUNT_NOTICE',
          certificateId: d.certificateId,
          eventId: d.eventId,
          startsOn: received,
          dueDate: bankAccountDue(received, addWorkingDays),
        },
        firstOnOrAfter(facts.bankNoticeDates, d.decisionDate),
      );
      const evidence = facts.activity.get(d.eventId) ?? { disbursements: 0, reports: 0, aidItems: 0, firstActivityOn: null };
      push(
        {
          ...base,
          key: obligationKey.inactivity(d.eventId),
          kind: 'INACTIVITY_REVIEW',
          certificateId: d.certificateId,
          eventId: d.eventId,
          startsOn: d.decisionDate,
          dueDate: inactivityDue(d.decisionDate),
          evidence,
        },
        evidence.firstActivityOn,
      );
      if (facts.activityDates) {
        // Only while the certificate is in force, and only the stretch still silent today: a stretch after which
        // activity resumed, or one on a certificate that has ended, is no ground to act on any more.
        const inForce = facts.activeRanges.filter((r) => r.certificateId === d.certificateId).map((r) => r.to);
        const end = inForce.sort(compareIsoDates).at(-1);
        if (end && compareIsoDates(end, today) >= 0)
          for (const gap of inactivityGaps(d.decisionDate, facts.activityDates, today).filter((g) => !g.resumedOn))
            push(
              {
                ...base,
                key: obligationKey.laterInactivity(d.eventId, gap.from),
                kind: 'INACTIVITY_REVIEW',
                certificateId: d.certificateId,
                eventId: d.eventId,
                startsOn: gap.from,
                dueDate: gap.due,
                evidence: { disbursements: 0, reports: 0, aidItems: 0, firstActivityOn: null },
              },
              null,
            );
      }
    }
    if (IMPLEMENTATION_PLAN_EVENTS.has(d.kind)) {
      const due = implementationPlanDue(received, addWorkingDays);
      for (const provinceId of d.provinceIds)
        push(
          {
            ...base,
            key: obligationKey.implementationPlan(d.eventId, provinceId),
            kind: 'IMPLEMENTATION_PLAN',
            certificateId: d.certificateId,
            eventId: d.eventId,
            provinceId,
            startsOn: received,
            dueDate: due,
          },
          null,
        );
    }
    if (DATA_EVENTS.has(d.kind) && d.officeChanged)
      push(
        {
          ...base,
          key: obligationKey.dataUpdate(d.eventId),
          kind: 'DATA_UPDATE',
          certificateId: d.certificateId,
          eventId: d.eventId,
          startsOn: received,
          dueDate: dataUpdateDue(received),
        },
        null,
      );
  }

  for (const c of facts.dataChanges)
    push(
      {
        ...base,
        key: obligationKey.dataUpdate(c.id),
        kind: 'DATA_UPDATE',
        certificateId: null,
        startsOn: c.changedOn,
        dueDate: dataUpdateDue(c.changedOn),
      },
      c.recordedOn,
    );

  if (facts.activeRanges.length) {
    const first = facts.activeRanges.map((r) => r.from).sort(compareIsoDates)[0]!;
    for (let year = ngoReportYearOf(first); year <= ngoReportYearOf(today); year++) {
      const period = ngoReportPeriod(year);
      const inForce = facts.activeRanges.find((r) => compareIsoDates(r.from, today) <= 0 && overlaps(r, period));
      if (!inForce) continue;
      push(
        {
          ...base,
          key: obligationKey.annualReport(year),
          kind: 'ANNUAL_REPORT',
          certificateId: inForce.certificateId ?? null,
          year,
          startsOn: period.from,
          dueDate: period.due,
        },
        facts.submittedReports.get(year) ?? null,
      );
    }
  }
  return out.sort((a, b) => compareIsoDates(a.dueDate, b.dueDate) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The compliance score shown with its formula: 100 − 10 × late obligations − 5 × obligations done after their due
 * date, never below 0. Waived ones do not count. Simple on purpose: officers must be able to redo it by hand.
 */
export function complianceScore(obligations: readonly Pick<Obligation, 'status' | 'dueDate' | 'doneOn'>[]): {
  score: number;
  late: number;
  doneLate: number;
} {
  const late = obligations.filter((o) => o.status === 'LATE').length;
  const doneLate = obligations.filter((o) => o.status === 'DONE' && o.doneOn && compareIsoDates(o.doneOn, o.dueDate) > 0).length;
  return { score: Math.max(0, 100 - 10 * late - 5 * doneLate), late, doneLate };
}

/** The formula of {@link complianceScore}, in words, for the screens. */
export const COMPLIANCE_SCORE_FORMULA = { late: 10, doneLate: 5, max: 100 } as const;
