/**
 * IATI 2.03 mapping layer (pure): the model, code mappings, serializers and the per-activity mapper
 * used by the streaming reader in `src/modules/iati/xml/`.
 * @module
 */
export type * from './model';
export * from './codes';
export { checkActivityForExport, IatiExportError, isIsoDate, type ExportProblem } from './export-check';
export { activityFromXml, type ActivityFromXmlOptions, type ActivityMapResult, type MappedActivity } from './from-xml';
export { compareDecimals, isDecimalString, sumDecimals } from './decimal';
export { resolveLocation, type LocationEvidence, type LocationMatch, type UnmatchedReason } from './locations';
export {
  message,
  type ActivityWarning,
  type ActivityWarningCode,
  type IatiFatalCode,
  type IatiProblemCode,
  type Message,
} from './problems';
export {
  isProvinceCode,
  matchProvinceName,
  NEW34_FROM,
  provinceByCode,
  provinceCandidates,
  provinceFromRef,
  provinceRef,
  rollUpProvince,
} from './provinces';
export {
  serializeActivities,
  serializeOrganisation,
  toIatiDateTime,
  type SerializeActivitiesOptions,
  type SerializeOrganisationOptions,
} from './serialize';
export {
  adminCodeIsVietnam,
  pointInVietnamBox,
  REGIONS_CONTAINING_VIETNAM,
  VIETNAM_BBOX,
  type VietnamEvidence,
  type VietnamRelevance,
} from './vietnam';
export type { XmlNode } from './xml-node';
