/**
 * Who vnaid publishes as in IATI, and the identifiers it writes for records that have none of their own.
 *
 * MOFA builds and operates the national database (Decree 58 Art. 6.5, 22.7), so documents vnaid writes name it as
 * reporting organisation, flagged `secondary-reporter="1"`: it republishes data about activities it does not run.
 * Its organisation identifier is a setting, `VNAID_IATI_ORG_ID`: the default `VN-COA-014` uses the registration
 * agency `VN-COA` ("Viet Nam Chart of Accounts", in the IATI OrganisationRegistrationAgency codelist) with what is
 * believed to be MOFA's chapter code in the state budget's chart of accounts, which nothing available here
 * confirms (docs/open-data.md, "IATI identifiers"). Set it before vnaid's documents are first published: it is
 * also the prefix of the identifiers of records that have none of their own.
 * @module
 */
import type { ReportingOrg } from '@domain/iati/model';
import { IATI_ORG_ID } from '@domain/iati/org-id';

/** The reporting organisation's identifier when `VNAID_IATI_ORG_ID` is not set (unconfirmed, see above). */
export const DEFAULT_IATI_ORG_ID = 'VN-COA-014';

/**
 * The reporting organisation's identifier from the environment, checked once when vnaid starts.
 * @throws Error naming the variable when the value is not an IATI organisation identifier
 */
export function iatiOrgIdFrom(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.VNAID_IATI_ORG_ID?.trim() || DEFAULT_IATI_ORG_ID;
  if (!IATI_ORG_ID.test(value))
    throw new Error(`VNAID_IATI_ORG_ID: "${value}" is not an IATI organisation identifier (expected e.g. VN-COA-014 or XM-DAC-41114)`);
  return value;
}

/** The reporting organisation of documents vnaid writes. */
export const VNAID_PUBLISHER: ReportingOrg = {
  ref: iatiOrgIdFrom(),
  type: '10',
  nameVi: 'Bộ Ngoại giao',
  nameEn: 'Ministry of Foreign Affairs of Viet Nam',
  secondaryReporter: true,
};

/** The IATI identifier of an aid item that has none of its own: publisher prefix + vnaid code (unique). */
export const localActivityIdentifier = (code: string): string => `${VNAID_PUBLISHER.ref}-${code}`;

/** The IATI organisation identifier of an organisation without one registered: publisher prefix + vnaid code. */
export const localOrganisationIdentifier = (code: string): string => `${VNAID_PUBLISHER.ref}-ORG-${code}`;

/** vnaid organisation types → IATI OrganisationType (21 international NGO, 60 foundation, 90 other). */
export const ORG_TYPE_TO_IATI: Readonly<Record<string, string>> = {
  NGO: '21',
  SOCIAL_FUND: '60',
  PRIVATE_FUND: '60',
  FOUNDATION: '60',
  OTHER: '90',
};

/** Agencies as IATI organisations: provinces are local government (11), other state bodies government (10). */
export const agencyOrgType = (kind: string): string => (kind === 'PROVINCE' ? '11' : '10');

/**
 * The language of a name held without one (aid_partners.name, aid_transactions.description): Vietnamese when it
 * has a letter outside ASCII, English otherwise. Only used to label narratives; the text is never changed.
 */
export const textLanguage = (text: string): 'vi' | 'en' => (/[^\x00-\x7F]/.test(text) ? 'vi' : 'en');
