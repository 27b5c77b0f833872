/**
 * The rules of manual entry, applied to what an import would store: the aid item as it will be (for an update, the
 * stored record with the file's values laid over it, as iati-import.writer.ts writes it) is checked with the aid
 * module's own body schema (`createAidBody`: lengths, formats, list sizes) and its record rules (`aidRecordIssues`:
 * donor, approval data for approved states, dates, shares, province scheme of the record's date). An activity that
 * breaks one is left out with the issues as its reason, never stored half-valid.
 *
 * One conversion comes first: vnaid's status is the Vietnamese lifecycle, and approved, implementing and completed
 * aid needs a Vietnamese approval decision. A publisher's file rarely carries one (vnaid's own export does, in the
 * `vnaid:` extension), so an activity without it is recorded as PIPELINE — not yet approved in Viet Nam — with the
 * note `status_pipeline_no_approval`, rather than refused; an existing item keeps its stored status then.
 * @module
 */
import type { CreateAidBody } from '@modules/aid/aid-items.schemas';
import { createAidBody } from '@modules/aid/aid-items.schemas';
import { aidRecordIssues, type Issue } from '@modules/aid/aid-items.validation';
import type { AidDraft } from './iati-import.convert';
import type { ExistingItem } from './iati-import.plan';

/** Statuses the aid rules only accept with an approval decision and date. */
const NEEDS_APPROVAL: readonly string[] = ['APPROVED', 'IMPLEMENTING', 'COMPLETED'];
/** The note of an activity recorded as PIPELINE for want of a Vietnamese approval. */
export const PIPELINE_NOTE = 'status_pipeline_no_approval';

type PartnerRole = NonNullable<CreateAidBody['partners']>[number]['role'];
const pairs = (list: string[]) => list.map((x) => x.split('=') as [string, string]);

/**
 * The status an activity is stored with (see the module comment), and whether it was changed for want of approval.
 */
export function decideStatus(draft: AidDraft, existing: ExistingItem | undefined): { status: AidDraft['status']; downgraded: boolean } {
  const approved =
    (draft.approval_decision_number ?? existing?.approval_decision_number) && (draft.approval_date ?? existing?.approval_date);
  if (approved || !NEEDS_APPROVAL.includes(draft.status)) return { status: draft.status, downgraded: false };
  return { status: (existing?.status as AidDraft['status'] | undefined) ?? 'PIPELINE', downgraded: true };
}

/** The aid item as an import would leave it, in the shape manual entry validates (a create body). */
export function bodyAfterImport(draft: AidDraft, existing: ExistingItem | undefined, organisationId: string | null): CreateAidBody {
  const keep = <T>(value: T | null, stored: T | null | undefined): T | null => value ?? stored ?? null;
  return {
    iatiIdentifier: draft.identifier,
    modality: draft.modality,
    titleVi: draft.title_vi,
    titleEn: keep(draft.title_en, existing?.title_en),
    descriptionVi: keep(draft.description_vi, existing?.description_vi),
    descriptionEn: keep(draft.description_en, existing?.description_en),
    organisationId: existing?.organisation_id ?? organisationId,
    otherDonorName: draft.donor?.name ?? existing?.other_donor_name ?? null,
    status: draft.status,
    approvalDecisionNumber: keep(draft.approval_decision_number, existing?.approval_decision_number),
    approvalDate: keep(draft.approval_date, existing?.approval_date),
    plannedStart: keep(draft.planned_start, existing?.planned_start),
    plannedEnd: keep(draft.planned_end, existing?.planned_end),
    actualStart: keep(draft.actual_start, existing?.actual_start),
    actualEnd: keep(draft.actual_end, existing?.actual_end),
    defaultCurrency: draft.default_currency,
    locations: draft.locations.length
      ? draft.locations.map((l) => ({ provinceId: l.key, share: l.share }))
      : pairs(existing?.locations ?? []).map(([provinceId, share]) => ({ provinceId, share })),
    sectors: draft.sectors.length
      ? draft.sectors.map((s) => ({ code: s.key, share: s.share }))
      : pairs(existing?.sectors ?? []).map(([code, share]) => ({ code, share })),
    partners: draft.partners.map((p) => ({ role: p.role as PartnerRole, name: p.name })),
  };
}

/**
 * Every rule of manual entry the imported record would break (empty when it may be stored). Paths are those of
 * the aid API's body (`body.plannedEnd`, `body.locations.0.provinceId`…), so they read the same as a form's errors.
 */
export function importedRecordIssues(body: CreateAidBody): Issue[] {
  const parsed = createAidBody.safeParse(body);
  const issues: Issue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message }));
  return [
    ...issues,
    ...aidRecordIssues({
      organisationId: body.organisationId ?? null,
      otherDonorName: body.otherDonorName ?? null,
      status: body.status ?? 'PIPELINE',
      approvalDecisionNumber: body.approvalDecisionNumber ?? null,
      approvalDate: body.approvalDate ?? null,
      plannedStart: body.plannedStart ?? null,
      plannedEnd: body.plannedEnd ?? null,
      actualStart: body.actualStart ?? null,
      actualEnd: body.actualEnd ?? null,
      locations: (body.locations ?? []).map((l) => ({ provinceId: l.provinceId, share: l.share })),
      sectors: (body.sectors ?? []).map((s) => ({ code: s.code, share: s.share })),
    }),
  ];
}

/** Issues as one line for a report (`path: message; …`). */
export const issuesText = (issues: readonly Issue[]): string => issues.map((i) => `${i.path}: ${i.message}`).join('; ');
