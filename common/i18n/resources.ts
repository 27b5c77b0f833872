import enAdmin from './en/admin.json';
import enAuth from './en/auth.json';
import enCommon from './en/common.json';
import enErrors from './en/errors.json';
import viAdmin from './vi/admin.json';
import viAuth from './vi/auth.json';
import viCommon from './vi/common.json';
import viErrors from './vi/errors.json';

/**
 * Every UI catalogue, one namespace per area (add a line per language when an area adds one). Vietnamese is the
 * source language; a unit test requires both languages to have exactly the same keys.
 */
export const resources = {
  vi: { common: viCommon, auth: viAuth, admin: viAdmin, errors: viErrors },
  en: { common: enCommon, auth: enAuth, admin: enAdmin, errors: enErrors },
} as const;

export type Namespace = keyof (typeof resources)['vi'];
export const namespaces = Object.keys(resources.vi) as Namespace[];
