/**
 * Shapes of the open-data and IATI API answers the pages use (see src/modules/opendata and src/modules/iati); the
 * import report is shared with the server through common/iati/import-report.ts.
 */
import type { Text } from '@common/iati/import-report';

export type { Text };

export type BundleFile = { name: string; bytes: number; sha256: string; rows: number; contentType: string; url: string };
export type Bundle = { date: string; createdAt: string; synthetic: boolean; files: BundleFile[] };
export type OpenDataIndex = {
  latest: Bundle | null;
  bundles: Bundle[];
  documentation: string;
  iati: { activities: string; years: number[]; organisation: string; pipeline: string };
  api: { openapi: string; docs: string };
};
export type FieldsDoc = {
  conventions: Text;
  datasets: { name: string; description: Text; files: string[]; fields: { name: string; type: string; description: Text }[] }[];
};

export type {
  ImportCounts as Counts,
  LeftOutPart as LeftOut,
  DonorView as Donor,
  ActivityEntry as Entry,
  FileProblem as Problem,
  ImportReport as Report,
  IatiImportStatus as ImportStatus,
  ImportView,
} from '@common/iati/import-report';
export type Candidate = {
  id: string;
  iatiRef: string | null;
  name: string;
  organisationId: string;
  organisationName: string;
  score: string;
  status: 'OPEN' | 'CONFIRMED' | 'REJECTED';
  aidItems: number;
  version: number;
};
export type { Page } from '@common/contracts/primitives';

type Side = { activities: number; committedUsd: string; disbursedUsd: string };
export type GapReport = {
  organisation: { id: string; code: string; name: string; nameVi: string | null; nameEn: string | null; iatiOrgId: string | null };
  years: { year: number; iati: Side & { unconverted: number }; vietnam: Side; disbursedDifferenceUsd: string }[];
  activities: { both: number; onlyIati: number; onlyVietnam: number };
  onlyIati: { id: string; code: string; title: string; iatiIdentifier: string | null }[];
  onlyVietnam: { id: string; code: string; title: string; iatiIdentifier: string | null }[];
};

/** A size in bytes for people (1.2 MB). */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: unit ? 1 : 0 })} ${units[unit]}`;
}

/** The text of the current language. */
export const inLang = (text: Text, lang: string) => (lang === 'en' ? text.en : text.vi);
