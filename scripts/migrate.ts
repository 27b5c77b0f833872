/** `npm run db:migrate`: applies pending migrations and prints what it applied (see src/cli/migrate-command.ts). */
import { migrateCommand } from '../src/cli/migrate-command';
import { runTool } from '../src/cli/tool';

runTool('db:migrate', migrateCommand);
