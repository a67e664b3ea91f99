import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { createValidationPipe } from './common/errors/validation-pipe.js';
import { serveGraphiql } from './common/graphql/graphiql.js';
import { NestPinoLogger } from './common/logging/nest-pino-logger.js';
import { requestLogger } from './common/logging/request-logger.js';
import { RequestLogController, requestId } from './common/logging/request-logging.js';
import { Metrics } from './common/metrics/metrics.js';
import { SecurityEvents } from './auth/security-events.js';
import { createRootLogger } from './common/logging/root-logger.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';

/** The largest request body accepted; a bigger one is answered 413 before it is parsed. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the application exactly as it serves traffic; used by main, the schema emitter, tools and the tests. */
export async function createApp(
  options: AppModuleOptions,
  logDestination?: NodeJS.WritableStream,
): Promise<INestApplication> {
  const logger = createRootLogger(options.config, logDestination);
  const metrics = options.config.metricsEnabled ? (options.metrics ?? new Metrics()) : undefined;
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new RequestLogController(metrics),
    childLoggerFactory: requestLogger,
    genReqId: requestId,
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // No Nest middleware is used: without middie, no request pays for running an empty middleware chain.
    skipMiddie: true,
    // Behind N proxies, the caller's address is the Nth from the right in X-Forwarded-For (login limits use it).
    trustProxy: (_address: string, hop: number) => hop < options.config.trustProxyHops,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ ...options, metrics }), adapter, {
    logger: new NestPinoLogger(logger),
    // Fastify's own JSON parser (same limits, same prototype-poisoning refusal) instead of Nest's wrapper around
    // it, which builds a new parser for every request; no form bodies: GraphQL takes JSON only.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.get(IdempotencyService).install(fastify);
  if (metrics) {
    const dataSource = app.get(DataSource);
    metrics.watchPool(() => {
      const pool = dataSource.isInitialized ? (dataSource.driver as unknown as { master?: pg.Pool }).master : undefined;
      return (
        pool && {
          total: pool.totalCount,
          idle: pool.idleCount,
          waiting: pool.waitingCount,
          max: pool.options.max ?? 10,
        }
      );
    });
    metrics.serve(fastify, options.config.metricsToken);
    app.get(SecurityEvents).onEvent((event) => {
      const detail =
        event.type === 'sign_in' ? (event.ok ? 'ok' : 'failed') : event.type === 'refused' ? event.code : event.kind;
      metrics.securityEvent(event.type, detail);
    });
  }
  if (options.config.nodeEnv !== 'production') serveGraphiql(fastify, '/graphql');
  app.useGlobalPipes(createValidationPipe());
  // With no origin allowed (the production default) there is nothing to answer: browsers refuse cross-origin reads
  // without the headers, so no request pays for the CORS hook.
  const origins = options.config.corsOrigins;
  if (origins === true || origins.length > 0)
    app.enableCors({ origin: origins, methods: ['GET', 'POST'], maxAge: 600 });
  return app;
}
