import { pino, type Logger } from 'pino';
import type { AppConfig } from '../../config/app-config.js';

export function createRootLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    // Belt and braces: credentials must never reach a log line, whichever object carries them.
    redact: {
      paths: [
        '*.password',
        '*.authorization',
        'req.headers.authorization',
        'req.headers.cookie',
        '*.token',
        '*.secret',
      ],
      censor: '[redacted]',
    },
  });
}
