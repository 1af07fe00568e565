import { createHash } from 'node:crypto';

/** A short, stable hash of a value as JSON: for cache keys. */
export function hashOf(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}
