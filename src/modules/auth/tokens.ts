import { createHash, randomBytes } from 'node:crypto';

/** Secrets are handed out once and stored only as SHA-256 hashes (they are random, so no salt or slow hash is needed). */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const newSecret = (prefix: string) => `${prefix}_${randomBytes(24).toString('base64url')}`;
