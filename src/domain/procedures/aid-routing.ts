/**
 * Where an aid-approval dossier goes, by approval level (Decree 80/2020 Art. 7, 8, 9, 10; Decree 313/2025):
 * - `PM` (the Prime Minister approves): filed with the Ministry of Finance (MPI until 28/02/2025), which appraises;
 * - `CENTRAL` (the head of a central governing agency approves): filed with that governing agency, whose unit
 *   appraises; relief and recovery aid given directly to an agency (`RELIEF_RECOVERY`) goes the same way;
 * - `LOCAL` (the chair of a provincial People's Committee approves): filed in the aid's province, appraised by the
 *   provincial Department of Finance since the 2025 reorganisation (the Department of Planning and Investment
 *   under D80's text). Who appraises a local dossier is {@link LOCAL_LEAD_APPRAISER}, a parameter, because
 *   D313's text on it is not confirmed (domain §3.6, §3.10).
 * Pure: agency ids only; the agency registry says whether they exist.
 */
/** Approval levels (consultation variants of the aid procedure). */
export const AID_APPROVAL_LEVELS = ['PM', 'CENTRAL', 'LOCAL', 'RELIEF_RECOVERY'] as const;
export type AidApprovalLevel = (typeof AID_APPROVAL_LEVELS)[number];

/** Provincial bodies a local aid approval involves, and the prefix of their agency ids (`STC:new34:04`). */
export const PROVINCIAL_BODY_PREFIX = {
  PROVINCIAL_FINANCE_DEPT: 'STC',
  PROVINCIAL_POLICE: 'CA',
  PROVINCIAL_PEOPLES_COMMITTEE: 'UBND',
} as const;
export type ProvincialBody = keyof typeof PROVINCIAL_BODY_PREFIX;

/**
 * The provincial body that appraises local aid (D80 Art. 9: the Department of Planning and Investment, whose role
 * passed to the Department of Finance in 2025). Change it here if D313 names another body.
 */
export const LOCAL_LEAD_APPRAISER: ProvincialBody = 'PROVINCIAL_FINANCE_DEPT';

/** The agency that appraises Prime-Minister-level aid (MPI's role, held by MOF since 01/03/2025). */
export const PM_LEAD_APPRAISER = 'MOF';

/** The agency id of a province's body: `STC:new34:04` for Cao Bằng's Department of Finance. */
export const provincialBodyId = (body: ProvincialBody, provinceId: string): string => `${PROVINCIAL_BODY_PREFIX[body]}:${provinceId}`;

/** What the aid owner says about where its dossier goes. */
export interface AidRoutingFacts {
  level?: AidApprovalLevel | null;
  governingAgencyId?: string | null;
  /** Local aid: the current province (`new34:NN`) whose People's Committee approves it. */
  provinceId?: string | null;
}

/** Where the dossier goes: the body that receives, appraises and decides it, and the governing agency. */
export interface AidRouting {
  level: AidApprovalLevel;
  handlingAgencyId: string;
  governingAgencyId: string;
  provinceId: string | null;
}

/** A field the routing needs and the application lacks. */
export type AidRoutingIssue = { path: string; message: string };

/**
 * The body that handles an aid approval at `facts.level` (CENTRAL when not said). A local dossier's governing
 * agency is the province's People's Committee; a PM-level dossier keeps its governing agency (the ministry or
 * province that will govern the aid) and goes to MOF.
 * @returns the routing, or the issue (a missing governing agency or province) that prevents it
 */
export function routeAidApproval(
  facts: AidRoutingFacts,
  localAppraiser: ProvincialBody = LOCAL_LEAD_APPRAISER,
): { routing: AidRouting } | { issue: AidRoutingIssue } {
  const level = facts.level ?? 'CENTRAL';
  if (level === 'LOCAL') {
    const provinceId = facts.provinceId ?? null;
    if (!provinceId || !/^new34:\d{2}$/.test(provinceId))
      return { issue: { path: 'application.aidProvinceId', message: 'local aid: the current province (new34:NN) is required' } };
    const routing: AidRouting = {
      level,
      provinceId,
      handlingAgencyId: provincialBodyId(localAppraiser, provinceId),
      governingAgencyId: provincialBodyId('PROVINCIAL_PEOPLES_COMMITTEE', provinceId),
    };
    return { routing };
  }
  const governing = facts.governingAgencyId ?? null;
  if (!governing) return { issue: { path: 'application.governingAgencyId', message: 'the governing agency is required' } };
  return {
    routing: { level, provinceId: null, governingAgencyId: governing, handlingAgencyId: level === 'PM' ? PM_LEAD_APPRAISER : governing },
  };
}

/**
 * The agency a provincial consultation target names, for a local dossier's province (null outside local aid, where
 * the registry cannot say which province is meant).
 */
export const provincialTarget = (body: ProvincialBody, provinceId: string | null | undefined): string | null =>
  provinceId ? provincialBodyId(body, provinceId) : null;
