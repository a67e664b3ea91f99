import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { createValidationPipe } from './common/errors/validation-pipe.js';
import { httpLogger } from './common/logging/http-logger.js';
import { NestPinoLogger } from './common/logging/nest-pino-logger.js';
import { createRootLogger } from './common/logging/root-logger.js';

/** Builds the application exactly as it serves traffic; used by main, the schema emitter and the tests. */
export async function createApp(
  options: AppModuleOptions,
  logDestination?: NodeJS.WritableStream,
): Promise<INestApplication> {
  const logger = createRootLogger(options.config, logDestination);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
  });
  app.use(httpLogger(logger));
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  // An ETag hashes every response body; GraphQL POST answers are never revalidated with it.
  app.set('etag', false);
  // Behind N proxies, the caller's address is the Nth from the right in X-Forwarded-For (login limits use it).
  app.set('trust proxy', options.config.trustProxyHops);
  app.enableCors({ origin: options.config.corsOrigins, methods: ['GET', 'POST'], maxAge: 600 });
  return app;
}
