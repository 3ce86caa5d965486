import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe token for cookies and one-time links. */
export const newToken = () => randomBytes(32).toString('base64url');

/** What we store instead of the token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
