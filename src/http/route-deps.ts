import type { Kysely } from 'kysely';
import type { AppConfig } from '@config/env';
import type { DatabaseHandle } from '@db/connect';
import type { Database } from '@db/types';

/** What every module's routes receive: the database and the configuration, never module-level singletons. */
export type AppDeps = {
  db: Kysely<Database>;
  /** `url` (optional) lets the process LISTEN for changes, so it may cache public figures and sessions in memory. */
  database: Pick<DatabaseHandle, 'engine' | 'serverVersion'> & Partial<Pick<DatabaseHandle, 'url'>>;
  config: AppConfig;
};
