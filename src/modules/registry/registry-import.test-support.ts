/**
 * Test-only helpers for the legacy import's integration tests (not imported by production code).
 */
import type { Session, TestContext } from '../../../test/support/test-app';

/** A multipart/form-data body with one file field. */
function multipart(content: Buffer | string, filename: string) {
  const boundary = `----vnaid${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads a list to POST /api/registry/import as `session` (vi unless told), optionally as a dry run. */
export function uploadList(
  t: TestContext,
  session: Session | null,
  content: Buffer | string,
  filename: string,
  options: { dryRun?: boolean; lang?: string } = {},
) {
  const body = multipart(content, filename);
  return t.call(session, {
    method: 'POST',
    url: `/api/registry/import${options.dryRun ? '?dryRun=1' : ''}`,
    payload: body.payload,
    headers: { ...body.headers, 'accept-language': options.lang ?? 'vi' },
  });
}
