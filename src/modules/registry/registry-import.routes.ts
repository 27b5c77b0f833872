import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@errors/app-error';
import { FileBoundError, LIST_SPREADSHEET_BOUNDS } from '@files/file-bounds';
import { fileBoundAppError } from '@files/file-errors';
import { requestLanguage } from '@http/error-handler';
import { allow } from '@http/policy';
import { singleFileUpload } from '@http/single-file-upload';
import type { AppDeps } from '@http/route-deps';
import { writeContext } from '@http/write-context';
import { readImportFile, UnreadableFile } from './registry-import.parse';
import { importRegistry } from './registry-import.service';
import { importTemplate } from './registry-import.template';
import { rt } from './registry-messages';

const problem = z.object({ row: z.number().int(), column: z.string(), code: z.string(), message: z.string() });
const report = z.object({
  dryRun: z.boolean(),
  valid: z.boolean(),
  rows: z.number().int(),
  organisations: z.object({ created: z.number().int(), updated: z.number().int() }),
  certificates: z.object({ created: z.number().int(), skipped: z.number().int(), decisions: z.number().int() }),
  errors: z.array(problem),
});

/** Largest accepted upload: a 5,000-row list is well under 2 MB. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Legacy import of the spreadsheet lists: template, dry run and all-or-nothing import. */
export const registryImportRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { policy: allow('admin', 'central') };
    const tags = ['registry import'];

    app.get(
      '/api/registry/import/template.xlsx',
      {
        config,
        schema: {
          tags,
          summary: 'The import template (list sheet with an example row, instructions sheet)',
          response: { 200: z.unknown().describe('xlsx file') },
        },
      },
      async (request, reply) =>
        reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="vnaid-registry-import-template.xlsx"')
          .send(await importTemplate(requestLanguage(request))),
    );

    app.post(
      '/api/registry/import',
      {
        config,
        schema: {
          tags,
          summary:
            'Import organisations and certificates from an xlsx or CSV file (multipart field "file"); `dryRun=1` only reports. All or nothing: 422 import_rejected lists every bad row. An xlsx is bounded before and while it is read (src/files): 413 file_* over the unpacked size, part count or compression ratio; 422 spreadsheet_* over 10,000 rows, 100 columns or 300,000 cells (declared dimension included)',
          consumes: ['multipart/form-data'],
          querystring: z.object({ dryRun: z.enum(['0', '1', 'true', 'false']).optional() }),
          response: { 200: report },
        },
      },
      async (request) => {
        const lang = requestLanguage(request);
        const file = await singleFileUpload(request, { maxBytes: MAX_FILE_BYTES });
        const buffer = await file.toBuffer();
        let rows;
        try {
          rows = await readImportFile(buffer);
        } catch (error) {
          if (error instanceof FileBoundError) throw fileBoundAppError(error, LIST_SPREADSHEET_BOUNDS.sheet) ?? error;
          if (!(error instanceof UnreadableFile)) throw error;
          const message = rt(lang, `import.problems.${error.problem}`, error.params);
          throw new AppError('import_rejected', { details: { errors: [{ row: 0, column: '', code: error.problem, message }] } });
        }
        const dryRun = request.query.dryRun === '1' || request.query.dryRun === 'true';
        return importRegistry(deps.db, writeContext(request), rows, { dryRun, lang });
      },
    );
  };
