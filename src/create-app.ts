import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { createValidationPipe } from './common/errors/validation-pipe.js';
import { serveGraphiql } from './common/graphql/graphiql.js';
import { NestPinoLogger } from './common/logging/nest-pino-logger.js';
import { RequestLogController, requestId } from './common/logging/request-logging.js';
import { createRootLogger } from './common/logging/root-logger.js';

/** The largest request body accepted; a bigger one is answered 413 before it is parsed. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the application exactly as it serves traffic; used by main, the schema emitter, tools and the tests. */
export async function createApp(
  options: AppModuleOptions,
  logDestination?: NodeJS.WritableStream,
): Promise<INestApplication> {
  const logger = createRootLogger(options.config, logDestination);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new RequestLogController(),
    genReqId: requestId,
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind N proxies, the caller's address is the Nth from the right in X-Forwarded-For (login limits use it).
    trustProxy: (_address: string, hop: number) => hop < options.config.trustProxyHops,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    logger: new NestPinoLogger(logger),
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  if (options.config.nodeEnv !== 'production') serveGraphiql(fastify, '/graphql');
  app.useGlobalPipes(createValidationPipe());
  app.enableCors({ origin: options.config.corsOrigins, methods: ['GET', 'POST'], maxAge: 600 });
  return app;
}
