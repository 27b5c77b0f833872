import ExcelJS from 'exceljs';
import type { Language } from '@common/i18n/languages';
import { IMPORT_COLUMNS, type ImportColumn } from './registry-import.parse';
import { rt } from './registry-messages';

/** What each column holds, for the instructions sheet (field labels come from the shared catalogue). */
const DESCRIBE: Record<ImportColumn, string> = {
  org_code: 'fields.code',
  name_original: 'fields.nameOriginal',
  name_en: 'fields.nameEn',
  name_vi: 'fields.nameVi',
  acronym: 'fields.acronym',
  country: 'fields.countryCode',
  org_type: 'fields.orgType',
  hq_address: 'fields.hqAddress',
  website: 'fields.website',
  email: 'fields.email',
  home_term_until: 'fields.homeTermUntil',
  certificate_type: 'certificate.type',
  certificate_number: 'certificate.number',
  issue_date: 'certificate.validFrom',
  valid_until: 'certificate.validUntil',
  provinces: 'certificate.provinces',
  sectors: 'certificate.sectors',
  office_province: 'certificate.officeProvince',
  decision_number: 'action.decisionNumber',
  decision_date: 'action.decisionDate',
  legal_ground: 'action.legalGround',
  extended_until: 'import.columns.extended_until',
  extension_decision_number: 'import.columns.extension_decision_number',
  extension_decision_date: 'import.columns.extension_decision_date',
  end_kind: 'import.columns.end_kind',
  ended_on: 'import.columns.ended_on',
  end_decision_number: 'import.columns.end_decision_number',
  end_decision_date: 'import.columns.end_decision_date',
  end_legal_ground: 'import.columns.end_legal_ground',
};

/** A filled example row (synthetic), so the format of every column is visible. */
const EXAMPLE: Record<ImportColumn, string> = {
  org_code: 'PCPNN-EXAMPLE-01',
  name_original: 'Example Children Relief (synthetic)',
  name_en: 'Example Children Relief (synthetic)',
  name_vi: 'Tổ chức Cứu trợ trẻ em Ví dụ (giả lập)',
  acronym: 'ECR',
  country: 'GB',
  org_type: 'NGO',
  hq_address: '1 Example Street, London',
  website: 'https://example.org',
  email: 'info@example.org',
  home_term_until: '',
  certificate_type: 'GDKHD',
  certificate_number: '123/BNG-GĐKHĐ',
  issue_date: '2023-03-15',
  valid_until: '2026-03-15',
  provinces: 'new34:04; new34:08',
  sectors: 'YTE; GDDT',
  office_province: '',
  decision_number: '456/QĐ-BNG',
  decision_date: '2023-03-10',
  legal_ground: 'Nghị định 58/2022/NĐ-CP',
  extended_until: '2029-03-15',
  extension_decision_number: '789/QĐ-BNG',
  extension_decision_date: '2026-01-12',
  end_kind: '',
  ended_on: '',
  end_decision_number: '',
  end_decision_date: '',
  end_legal_ground: '',
};

const REQUIRED: readonly ImportColumn[] = ['org_code', 'name_original', 'country'];

/** The downloadable template: the list sheet (header + example) and an instructions sheet in the request language. */
export async function importTemplate(lang: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const list = workbook.addWorksheet(rt(lang, 'import.sheetOrganisations'));
  list.columns = IMPORT_COLUMNS.map((key) => ({ header: key, key, width: Math.max(14, key.length + 4) }));
  list.getRow(1).font = { bold: true };
  list.addRow(EXAMPLE);
  const help = workbook.addWorksheet(rt(lang, 'import.sheetHelp'));
  help.columns = [{ width: 22 }, { width: 60 }];
  for (const key of ['dates', 'lists', 'rows', 'history', 'allOrNothing']) help.addRow([rt(lang, `import.help.${key}`)]);
  help.addRow([]);
  for (const key of IMPORT_COLUMNS)
    help.addRow([key, `${rt(lang, DESCRIBE[key])}${REQUIRED.includes(key) ? ` (${rt(lang, 'import.required')})` : ''}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
