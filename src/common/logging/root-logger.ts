import { pino, type Logger } from 'pino';
import type { AppConfig } from '../../config/app-config.js';

/** Logs go to standard output unless a destination is given (tests read them back). */
export function createRootLogger(config: Pick<AppConfig, 'logLevel'>, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level: config.logLevel,
    // What a request log line says of the request and its answer (the HTTP layer would add its own otherwise).
    serializers: {
      req: (req: { id?: unknown; method?: unknown; url?: unknown }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode?: unknown }) => ({ statusCode: res.statusCode }),
    },
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
  };
  return destination ? pino(options, destination) : pino(options);
}
