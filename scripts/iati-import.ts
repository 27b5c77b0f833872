/** `npm run iati-import -- FILE [--dry-run]` (see src/modules/iati/iati-import.cli.ts): the contract's IATI import. */
import { CliError, runTool } from '../src/cli/tool';
import { iatiImportCommand } from '../src/modules/iati/iati-import.cli';

runTool('iati-import', async (argv, io) => {
  if ((await iatiImportCommand(argv, io)) !== 0) throw new CliError('the file was not imported; nothing was changed');
});
