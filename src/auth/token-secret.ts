import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../config/app-config.js';

/**
 * The secret that signs access tokens: TOKEN_SECRET when set (required in production), otherwise a random one
 * generated once and kept in DATA_DIR/token-secret (mode 600), so that tokens survive a restart.
 */
export async function resolveTokenSecret(config: AppConfig, log: (message: string) => void): Promise<string> {
  if (config.tokenSecret) return config.tokenSecret;
  const file = path.join(config.dataDir, 'token-secret');
  if (existsSync(file)) {
    log(`TOKEN_SECRET is not set: using the generated secret kept in ${file}`);
    return (await readFile(file, 'utf8')).trim();
  }
  await mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, secret + '\n', { mode: 0o600 });
  log(`TOKEN_SECRET is not set: generated a random one and kept it in ${file} (set TOKEN_SECRET in production)`);
  return secret;
}
