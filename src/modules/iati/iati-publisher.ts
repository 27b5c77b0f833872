/**
 * Who vnaid publishes as in IATI, and the identifiers it writes for records that have none of their own.
 *
 * MOFA builds and operates the national database (Decree 58 Art. 6.5, 22.7), so documents vnaid writes name it as
 * reporting organisation, flagged `secondary-reporter="1"`: it republishes data about activities it does not run.
 * `VN-COA-014` is MOFA's chapter code in the state budget's chart of accounts (IATI registration agency `VN-COA`,
 * "Viet Nam Chart of Accounts"); confirm it with MOFA before registering vnaid as a publisher on the IATI Registry.
 * @module
 */
import type { ReportingOrg } from '@domain/iati/model';

/** The reporting organisation of documents vnaid writes. */
export const VNAID_PUBLISHER: ReportingOrg = {
  ref: 'VN-COA-014',
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
