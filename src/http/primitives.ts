/**
 * The request primitives live in the shared contract (common/contracts/primitives.ts), read by the routes and the
 * web client alike; this path stays for the server modules that import them from @http.
 */
export { isCalendarDate, isoDate, isWebUrl, webUrl } from '@common/contracts/primitives';
