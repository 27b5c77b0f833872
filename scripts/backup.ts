/** `npm run backup -- [FILE]` (see src/cli/backup-command.ts). */
import { backupCommand } from '../src/cli/backup-command';
import { runTool } from '../src/cli/tool';

runTool('backup', backupCommand);
