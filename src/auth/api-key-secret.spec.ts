import { describe, expect, it } from '@jest/globals';
import { generateApiKey, hashMatches, hashSecret, parseApiKey } from './api-key-secret.js';

describe('API key secrets', () => {
  it('round-trips a generated key and matches only its own secret', () => {
    const generated = generateApiKey();
    const parsed = parseApiKey(generated.key)!;
    expect(parsed.prefix).toBe(generated.prefix);
    expect(hashMatches(hashSecret(parsed.secret), generated.secretHash)).toBe(true);
    expect(hashMatches(hashSecret(parseApiKey(generateApiKey().key)!.secret), generated.secretHash)).toBe(false);
    expect(generated.secretHash).not.toContain(parsed.secret);
  });

  it('refuses strings that are not keys', () => {
    expect(parseApiKey('agr_short_x')).toBeNull();
    expect(parseApiKey('Bearer something')).toBeNull();
  });
});
