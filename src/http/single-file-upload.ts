import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '@errors/app-error';

/**
 * The one file of a multipart upload (field `file`), the shape every upload route starts with: 415
 * `unsupported_media_type` unless the body is multipart, `tooLarge()` before reading anything when the announced
 * length is over `maxBytes` (plus room for the multipart envelope), 400 `validation_failed` (`body.file`
 * required) when no file came. The route's plugin registers @fastify/multipart; the file is read as a stream.
 * @throws AppError as above
 */
export async function singleFileUpload(
  request: FastifyRequest,
  options: { maxBytes?: number; tooLarge?: () => AppError } = {},
): Promise<MultipartFile> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', { details: { expected: 'multipart/form-data' } });
  const { maxBytes, tooLarge = () => new AppError('payload_too_large') } = options;
  if (maxBytes !== undefined && Number(request.headers['content-length'] ?? 0) > maxBytes + 64 * 1024) throw tooLarge();
  const file = await request.file(maxBytes === undefined ? undefined : { limits: { fileSize: maxBytes, files: 1 } });
  if (!file) throw new AppError('validation_failed', { details: { issues: [{ path: 'body.file', message: 'required' }] } });
  return file;
}
