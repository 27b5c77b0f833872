import type { Kysely } from 'kysely';
import type { AppConfig } from '@config/env';
import type { DatabaseHandle } from '@db/connect';
import type { Database } from '@db/types';

/** What every module's routes receive: the database and the configuration, never module-level singletons. */
export type AppDeps = {
  db: Kysely<Database>;
  database: Pick<DatabaseHandle, 'engine' | 'serverVersion'>;
  config: AppConfig;
};
