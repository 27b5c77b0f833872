/** `npm run create-admin -- --username NAME [--display-name "…"] [--password-stdin]` (see src/cli/create-admin.ts). */
import { createAdminCommand } from '../src/cli/create-admin';
import { runTool } from '../src/cli/tool';

runTool('create-admin', (argv, io) => createAdminCommand(argv, io));
