import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key reads `agr_<prefix>_<secret>`: the prefix (8 random characters) is stored in clear so the key can
 * be found and recognised; only the SHA-256 of the secret (256 random bits) is stored.
 */
const KEY_FORMAT = /^agr_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedApiKey {
  key: string;
  prefix: string;
  secretHash: string;
}

function randomAlphanumeric(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function generateApiKey(): GeneratedApiKey {
  const prefix = randomAlphanumeric(8);
  const secret = randomBytes(32).toString('base64url');
  return { key: `agr_${prefix}_${secret}`, prefix: `agr_${prefix}`, secretHash: hashSecret(secret) };
}

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const match = KEY_FORMAT.exec(key);
  return match ? { prefix: `agr_${match[1]}`, secret: match[2] } : null;
}

/** Whether the hash of a secret sent (hashSecret) is the stored one, in constant time. */
export function hashMatches(secretHash: string, storedHash: string): boolean {
  const actual = Buffer.from(secretHash, 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
