import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '@errors/app-error';
import { cleanFileName } from '@files/file-name';

/**
 * The one file of a multipart upload, the shape every upload route starts with: 415 `unsupported_media_type`
 * unless the body is multipart, `tooLarge()` before reading anything when the announced length is over `maxBytes`
 * (plus room for the multipart envelope), 400 `validation_failed` (`body.file` required) when no file came, and
 * 400 `upload_field_unexpected` when the file came in another form field than `field` (default `file`): a route
 * accepts only the field it declares. The returned file's `filename` is cleaned (`cleanFileName`: no control or
 * bidirectional-override characters). The route's plugin registers @fastify/multipart; the file is read as a stream.
 * @throws AppError as above
 */
export async function singleFileUpload(
  request: FastifyRequest,
  options: { maxBytes?: number; tooLarge?: () => AppError; field?: string } = {},
): Promise<MultipartFile> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', { details: { expected: 'multipart/form-data' } });
  const { maxBytes, tooLarge = () => new AppError('payload_too_large'), field = 'file' } = options;
  if (maxBytes !== undefined && Number(request.headers['content-length'] ?? 0) > maxBytes + 64 * 1024) throw tooLarge();
  const file = await request.file(maxBytes === undefined ? undefined : { limits: { fileSize: maxBytes, files: 1 } });
  if (!file) throw new AppError('validation_failed', { details: { issues: [{ path: `body.${field}`, message: 'required' }] } });
  if (file.fieldname !== field) {
    file.file.resume();
    throw new AppError('upload_field_unexpected', {
      params: { expected: field, field: cleanFileName(file.fieldname, 60) },
      details: {
        issues: [{ path: `body.${cleanFileName(file.fieldname, 60)}`, message: `unexpected field; send the file as "${field}"` }],
      },
    });
  }
  file.filename = cleanFileName(file.filename);
  return file;
}
