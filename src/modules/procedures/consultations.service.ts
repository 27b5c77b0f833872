/**
 * Requests for written opinions: who the procedure names for this case (src/domain/procedures consultation
 * rules), routed through the agency registry to the body that holds the role today (MPI → MOF since 01/03/2025,
 * an old province's People's Committee → the merged province's), and the consulted agencies' answers.
 */
import { consultationTargets, provincialTarget, type ConsultationTarget, type ProcedureVersion } from '@domain/procedures';
import type { DossierRow } from './dossiers.repository';
import type { Db } from '@db/transaction';

type AgencyRow = { id: string; name_vi: string; name_en: string; successor_id: string | null; valid_until: string | null };

/** One agency to consult, after routing. */
export type PlannedConsultation = { agencyId: string; nameVi: string; nameEn: string; namedAgencyId: string | null; basis: string };

/** The agency that holds `id`'s role on `today`: successors are followed past each merger (with a cycle guard). */
export function routeAgency(agencies: ReadonlyMap<string, AgencyRow>, id: string, today: string): AgencyRow | undefined {
  let agency = agencies.get(id);
  for (let hops = 0; agency && agency.successor_id && hops < 10; hops++) {
    if (agency.valid_until !== null && agency.valid_until >= today) break;
    agency = agencies.get(agency.successor_id) ?? agency;
    if (agency.id === id) break;
  }
  return agency;
}

/**
 * The agency id a consultation target names, before routing (null when the registry has no such body). The
 * provincial Department of Finance and Police are those of a local aid's province (`STC:new34:NN`, `CA:new34:NN`).
 */
function namedAgency(
  target: ConsultationTarget,
  lineMinistry: ReadonlyMap<string, string | null>,
  aidProvinceId: string | null,
): { id: string | null; basis: string } {
  switch (target.kind) {
    case 'AGENCY':
      return {
        id:
          target.agency === 'PROVINCIAL_FINANCE_DEPT' || target.agency === 'PROVINCIAL_POLICE'
            ? provincialTarget(target.agency, aidProvinceId)
            : target.agency,
        basis: `AGENCY:${target.agency}`,
      };
    case 'LINE_MINISTRY_OF_SECTOR':
      return { id: lineMinistry.get(target.sector) ?? null, basis: `SECTOR:${target.sector}` };
    case 'PROVINCE':
      return { id: `UBND:${target.province}`, basis: `${target.reason === 'OFFICE' ? 'OFFICE' : 'PROVINCE'}:${target.province}` };
    case 'AID_APPROVING_AGENCY':
      return { id: target.agency, basis: `AID_APPROVER:${target.agency}` };
    case 'SPECIALISED_AGENCY':
      return { id: target.agency, basis: `SPECIALISED:${target.agency}` };
  }
}

/**
 * The agencies the procedure says to consult on this dossier. For an amendment, `concerned` lists the fixed
 * agencies (or AID_APPROVING_AGENCIES) the officer judges concerned by the change.
 * @returns the routed agencies (one request per agency) and the bases the registry could not resolve
 */
export async function consultationPlan(
  db: Db,
  dossier: DossierRow,
  version: ProcedureVersion,
  today: string,
  concerned: readonly string[] = [],
) {
  if (!version.consultation) return { planned: [] as PlannedConsultation[], unresolved: [] as string[] };
  const app = dossier.application;
  const targets = consultationTargets(version.consultation, {
    variant: dossier.procedure_code === 'AID_APPROVAL' ? (app.approvalLevel ?? 'CENTRAL') : 'DEFAULT',
    sectors: app.sectorCodes ?? [],
    provinces: app.provinceIds ?? [],
    officeProvince: app.officeProvinceId ?? null,
    aidApprovingAgencies: app.aidApprovingAgencyIds ?? [],
    specialisedAgencies: [],
    changed: {
      sectors: app.changes?.sectorCodes ?? [],
      provinces: app.changes?.provinceIds ?? [],
      officeProvince: app.changes?.officeProvinceId ?? null,
    },
    concerned,
    donorIsFngo: app.donorIsFngo ?? true,
  });
  const [agencyRows, sectorRows] = await Promise.all([
    db.selectFrom('agencies').select(['id', 'name_vi', 'name_en', 'successor_id', 'valid_until']).execute(),
    db.selectFrom('sectors').select(['code', 'line_ministry_id']).execute(),
  ]);
  const agencies = new Map(agencyRows.map((a) => [a.id, a]));
  const lineMinistry = new Map(sectorRows.map((s) => [s.code, s.line_ministry_id]));
  const planned = new Map<string, PlannedConsultation>();
  const unresolved: string[] = [];
  for (const target of targets) {
    const named = namedAgency(target, lineMinistry, app.aidProvinceId ?? null);
    const routed = named.id ? routeAgency(agencies, named.id, today) : undefined;
    if (!routed) {
      unresolved.push(named.basis);
      continue;
    }
    // The body that appraises does not consult itself (MOF on a PM-level dossier, the Department of Finance locally).
    if (dossier.handling_agency_id && routed.id === dossier.handling_agency_id) continue;
    // The same body named twice (MPI routed to MOF, and MOF itself) gets one request.
    if (planned.has(routed.id)) continue;
    planned.set(routed.id, {
      agencyId: routed.id,
      nameVi: routed.name_vi,
      nameEn: routed.name_en,
      namedAgencyId: routed.id === named.id ? null : named.id,
      basis: named.basis,
    });
  }
  return { planned: [...planned.values()], unresolved };
}

/**
 * The requests to send: the plan, or the officer's own list (each id routed to its current holder). Unknown ids
 * are reported so a typo never silently drops an agency.
 */
export async function resolveChosenAgencies(
  db: Db,
  chosen: readonly string[],
  plan: readonly PlannedConsultation[],
  today: string,
): Promise<{ list: PlannedConsultation[]; unknown: string[] }> {
  const rows = await db.selectFrom('agencies').select(['id', 'name_vi', 'name_en', 'successor_id', 'valid_until']).execute();
  const agencies = new Map(rows.map((a) => [a.id, a]));
  const byId = new Map(plan.map((p) => [p.agencyId, p]));
  const list = new Map<string, PlannedConsultation>();
  const unknown: string[] = [];
  for (const id of chosen) {
    const routed = routeAgency(agencies, id, today);
    if (!routed) {
      unknown.push(id);
      continue;
    }
    list.set(
      routed.id,
      byId.get(routed.id) ?? {
        agencyId: routed.id,
        nameVi: routed.name_vi,
        nameEn: routed.name_en,
        namedAgencyId: routed.id === id ? null : id,
        basis: `CHOSEN:${id}`,
      },
    );
  }
  return { list: [...list.values()], unknown };
}
