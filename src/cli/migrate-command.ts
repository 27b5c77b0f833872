import { migrate } from '@db/migrate';
import { parseToolArgs, toolConfig, withToolDatabase, type ToolIo } from './tool';

const USAGE = 'npm run db:migrate';

/** `npm run db:migrate`: applies the pending migrations to the database of VNAID_DATA_DIR / DATABASE_URL and lists them. */
export async function migrateCommand(argv: string[], io: ToolIo): Promise<void> {
  parseToolArgs(argv, {}, USAGE);
  const config = toolConfig();
  await withToolDatabase(config, io, async (handle) => {
    const applied = await migrate(handle.pool);
    const { rows } = await handle.pool.query<{ n: string }>('select count(*) as n from schema_migrations');
    if (applied.length === 0) io.out(`the database is up to date (${rows[0]?.n ?? 0} migrations applied earlier)`);
    for (const name of applied) io.out(`applied ${name}`);
    if (applied.length) io.out(`${applied.length} migration(s) applied; ${rows[0]?.n ?? 0} in total`);
  });
}
