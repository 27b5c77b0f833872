/** `npm run restore -- FILE [--force]` (see src/cli/restore-command.ts). */
import { restoreCommand } from '../src/cli/restore-command';
import { runTool } from '../src/cli/tool';

runTool('restore', restoreCommand);
