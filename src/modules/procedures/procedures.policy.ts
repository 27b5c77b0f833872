/**
 * Who may see and act on a dossier.
 *
 * - NGO representatives (role `ngo`) see and act on their own organisation's dossiers only.
 * - The Committee (COMINGO) and MOFA are users with role `central` whose agency is COMINGO (or its standing
 *   agency VUFO and VUFO's PACCOM secretariat) or MOFA. A central user without an agency acts as both: small
 *   deployments and the demo use one national officer account.
 * - Consulted agencies (role `reviewer` or `agency` of the agency a consultation was routed to) see the dossiers
 *   they were consulted on, and only answer their consultation.
 * - For aid approval the officers of the body its approval level routes it to (`handling_agency_id`: MOF for the
 *   Prime Minister's level, the governing agency at the centre, the province's Department of Finance for local aid)
 *   act in both the receiving and the deciding role.
 * - Aid approval is filed by the Vietnamese aid owner (role `owner`, D80 Art. 8, 10): it sees and acts as the
 *   applicant on the dossiers its agency filed, and no others. The NGO is then the donor: it reads those dossiers,
 *   drafts included, acts on none and uploads only its own letter agreeing to provide the aid (see
 *   {@link donorMayUpload}).
 * - Administrators see everything and act on nothing (they keep the calendar and the parameters).
 * Drafts are visible to their organisation only. The scope is applied inside the SQL (see {@link visibleDossiers}).
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { ActorRole } from '@domain/procedures';
import type { Database } from '@db/types';
import { hasNationalScope, type Actor } from '@modules/auth/actor';
import type { DossierApplication } from './procedures.tables';

export const COMINGO_AGENCIES: readonly string[] = ['COMINGO', 'VUFO', 'PACCOM'];

type DossierFacts = {
  organisation_id: string;
  procedure_code: string;
  application: DossierApplication;
  filed_by_agency_id: string | null;
  /** Aid approval: the body that receives, appraises and decides it (MOF, the governing agency, the province's). */
  handling_agency_id?: string | null;
};

/** The procedure roles `actor` holds on `dossier` (empty: may only read, if it can see it at all). */
export function dossierRoles(actor: Actor, dossier: DossierFacts): ActorRole[] {
  if (actor.role === 'owner') return actor.agencyId && dossier.filed_by_agency_id === actor.agencyId ? ['NGO'] : [];
  if (actor.role === 'ngo') return actor.organisationId === dossier.organisation_id && !dossier.filed_by_agency_id ? ['NGO'] : [];
  if (dossier.procedure_code === 'AID_APPROVAL') {
    // The body the approval level routes it to (D80 Art. 7, 9, 10): MOF, the governing agency, or the province's.
    const handling = dossier.handling_agency_id;
    if (actor.role === 'central' && !actor.agencyId) return ['COMINGO', 'MOFA'];
    if ((actor.role === 'agency' || actor.role === 'central') && handling && actor.agencyId === handling) return ['COMINGO', 'MOFA'];
    return [];
  }
  if (actor.role !== 'central') return [];
  if (!actor.agencyId) return ['COMINGO', 'MOFA'];
  if (COMINGO_AGENCIES.includes(actor.agencyId)) return ['COMINGO'];
  if (actor.agencyId === 'MOFA') return ['MOFA'];
  return [];
}

/** The donor's own document in an aid approval filed by the aid owner (D80 Art. 8: the donor's letter of agreement). */
export const DONOR_LETTER = 'DONOR_AGREEMENT';

/** True when `actor` is the donor NGO of an aid approval the aid owner filed, uploading the donor's letter. */
export const donorMayUpload = (actor: Actor, dossier: DossierFacts, documentCode: string): boolean =>
  actor.role === 'ngo' && !!dossier.filed_by_agency_id && actor.organisationId === dossier.organisation_id && documentCode === DONOR_LETTER;

/** True for the users who answer consultations addressed to `agencyId`. */
export const answersFor = (actor: Actor, agencyId: string): boolean =>
  (actor.role === 'reviewer' || actor.role === 'agency') && actor.agencyId === agencyId;

/** The dossiers `actor` may see, as a where-clause on `dossiers as d`. */
export function dossierScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database & { d: Database['dossiers'] }, 'd'>) => {
    if (actor.role === 'owner') return eb('d.filed_by_agency_id', '=', actor.agencyId ?? '');
    // An NGO's own dossiers and, as the donor, the aid owner's dossiers about its aid, drafts included (it adds its
    // letter there).
    if (actor.role === 'ngo') return eb('d.organisation_id', '=', actor.organisationId ?? '00000000-0000-0000-0000-000000000000');
    const notDraft = eb('d.status', '<>', 'DRAFT');
    if (hasNationalScope(actor)) return notDraft;
    const agency = actor.agencyId ?? '';
    return eb.and([
      notDraft,
      eb.or([
        eb.exists(
          eb
            .selectFrom('dossier_consultations as c')
            .select('c.id')
            .whereRef('c.dossier_id', '=', 'd.id')
            .where('c.agency_id', '=', agency)
            .where('c.status', '<>', 'CANCELLED'),
        ),
        eb.and([eb('d.procedure_code', '=', 'AID_APPROVAL'), eb('d.handling_agency_id', '=', agency)]),
      ]),
    ]);
  };
}

/** The base query of every dossier read: `dossiers as d` limited to what `actor` may see. */
export const visibleDossiers = (db: Kysely<Database>, actor: Actor) => db.selectFrom('dossiers as d').where(dossierScope(actor));
