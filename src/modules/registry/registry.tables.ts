import type { Generated } from 'kysely';

/**
 * Kysely types of the registry's own tables (migration 20261123130000_registry.sql) and of the columns it adds to
 * the core tables. Joined into `Database` in src/db/types.ts; intersecting a core table's type with the added
 * columns gives Kysely the full row.
 */
export type RegistryPersonTable = {
  id: Generated<string>;
  full_name: string;
  nationality: string | null;
  passport_number: string | null;
  date_of_birth: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type RepresentativeRole = 'REPRESENTATIVE' | 'HEAD_OF_OFFICE';

export type OrganisationRepresentativeTable = {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  role: RepresentativeRole;
  since: string | null;
  until: string | null;
  created_at: Generated<Date>;
};

export type OrganisationPartnerTable = {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  agency_id: string | null;
  province_id: string | null;
  note: string | null;
};

export type OrganisationBankAccountTable = {
  id: Generated<string>;
  organisation_id: string;
  bank_name: string;
  account_number: string;
  currency: string | null;
  notified_on: string | null;
  closed_on: string | null;
};

export type RegistryTables = {
  registry_persons: RegistryPersonTable;
  organisation_representatives: OrganisationRepresentativeTable;
  organisation_partners: OrganisationPartnerTable;
  organisation_bank_accounts: OrganisationBankAccountTable;
  organisations: { contact_address: string | null };
  certificates: { extension_filed_on: string | null };
  certificate_events: { dossier_id: string | null; received_date: string | null };
};
