import enAdmin from './en/admin.json';
import enAid from './en/aid.json';
import enAidReports from './en/aidReports.json';
import enAuth from './en/auth.json';
import enCommon from './en/common.json';
import enErrors from './en/errors.json';
import enProcedures from './en/procedures.json';
import enRegistry from './en/registry.json';
import enStats from './en/stats.json';
import enOpendata from './en/opendata.json';
import enProgramme from './en/programme.json';
import enProgrammeReports from './en/programmeReports.json';
import enSupervision from './en/supervision.json';
import enSanctions from './en/sanctions.json';
import enCoordination from './en/coordination.json';
import enCaseFile from './en/caseFile.json';
import viAdmin from './vi/admin.json';
import viAid from './vi/aid.json';
import viAidReports from './vi/aidReports.json';
import viAuth from './vi/auth.json';
import viCommon from './vi/common.json';
import viErrors from './vi/errors.json';
import viProcedures from './vi/procedures.json';
import viRegistry from './vi/registry.json';
import viStats from './vi/stats.json';
import viOpendata from './vi/opendata.json';
import viProgramme from './vi/programme.json';
import viProgrammeReports from './vi/programmeReports.json';
import viSupervision from './vi/supervision.json';
import viSanctions from './vi/sanctions.json';
import viCoordination from './vi/coordination.json';
import viCaseFile from './vi/caseFile.json';

/**
 * Every UI catalogue, one namespace per area (add a line per language when an area adds one). Vietnamese is the
 * source language; a unit test requires both languages to have exactly the same keys.
 */
export const resources = {
  vi: {
    common: viCommon,
    auth: viAuth,
    admin: viAdmin,
    errors: viErrors,
    registry: viRegistry,
    procedures: viProcedures,
    stats: viStats,
    aid: viAid,
    aidReports: viAidReports,
    opendata: viOpendata,
    programme: viProgramme,
    programmeReports: viProgrammeReports,
    supervision: viSupervision,
    sanctions: viSanctions,
    coordination: viCoordination,
    caseFile: viCaseFile,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    admin: enAdmin,
    errors: enErrors,
    registry: enRegistry,
    procedures: enProcedures,
    stats: enStats,
    aid: enAid,
    aidReports: enAidReports,
    opendata: enOpendata,
    programme: enProgramme,
    programmeReports: enProgrammeReports,
    supervision: enSupervision,
    sanctions: enSanctions,
    coordination: enCoordination,
    caseFile: enCaseFile,
  },
} as const;

export type Namespace = keyof (typeof resources)['vi'];
export const namespaces = Object.keys(resources.vi) as Namespace[];
