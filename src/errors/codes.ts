/**
 * The one table of error codes vnaid answers with, and the HTTP status of each. Messages live in
 * common/i18n/{vi,en}/errors.json under the same code; a unit test keeps the three in step.
 */
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  not_signed_in: 401,
  invalid_credentials: 401,
  account_locked: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  conflict: 409,
  stale_version: 409,
  already_exists: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rule_violated: 422,
  import_rejected: 422,
  too_many_requests: 429,
  internal_error: 500,
  database_unavailable: 503,
  calendar_decision_invalid: 422,
  dossier_documents_missing: 422,
  consultations_pending: 422,
  exchange_rate_missing: 422,
  report_not_editable: 409,
  job_not_ready: 409,
  iati_not_xml: 400,
  iati_truncated: 400,
  iati_entity_forbidden: 400,
  iati_bad_encoding: 400,
  iati_too_large: 413,
  iati_wrong_root: 422,
  iati_unsupported_version: 422,
  iati_version_missing: 422,
  iati_import_not_ready: 409,
  iati_file_changed: 409,
  unknown_reference: 400,
  report_expired: 410,
  proposal_outside_province: 403,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(errorStatus, code);
