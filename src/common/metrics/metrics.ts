import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLFormattedError, OperationDefinitionNode } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ErrorCode } from '../errors/error-codes.js';

/** The request field where the GraphQL layer leaves the operation it is about to run (set before execution). */
export const OPERATION = Symbol('graphql operation');

export interface RequestWithOperation {
  [OPERATION]?: OperationDefinitionNode;
}

/** Distinct operation names kept as label values; later new names are counted as `(other)`. */
const MAX_OPERATION_NAMES = 200;
const MAX_NAME_LENGTH = 64;
const ANONYMOUS = '(anonymous)';
const OTHER = '(other)';
/** A request that never reached execution (it did not parse or validate, or was answered before). */
const UNKNOWN = '(unknown)';

/** Error codes kept as label values; any other is counted as OTHER. */
const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);
/** Refusals by the access rules and the rate limits. */
const RATE_LIMITED: string = ErrorCode.RATE_LIMITED;
const REFUSALS = new Set<string>([ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.RATE_LIMITED]);

/** Seconds; GraphQL answers here take from about 0.2 ms (a cached public read) to a second (a sign-in). */
const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

interface OperationSeries {
  labels: { operation_name: string; operation_type: string };
  requests: Counter.Internal;
  duration: Histogram.Internal<'operation_name' | 'operation_type'>;
}

/**
 * Prometheus metrics (prom-client, a registry of the application's own): GraphQL requests and their durations per
 * operation, errors by `extensions.code`, refusals (access rules, rate limits), the database pool, and Node's
 * process metrics. On the hot path: one property write before execution and, after the response, a WeakMap lookup
 * of the operation's series (the parsed document is cached, so its operation node is the same object every time),
 * a counter increment and a histogram observation; no promise, no string building.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation_name' | 'operation_type'>;
  private readonly durations: Histogram<'operation_name' | 'operation_type'>;
  private readonly errors: Counter<'code'>;
  private readonly refusals: Counter<'code' | 'operation_name' | 'operation_type'>;
  private readonly rateLimited: Counter<'operation_name' | 'operation_type'>;
  private readonly security: Counter<'event' | 'detail'>;
  private readonly byNode = new WeakMap<OperationDefinitionNode, OperationSeries>();
  private readonly byName = new Map<string, OperationSeries>();
  private readonly unknown: OperationSeries;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests answered, by operation (name and type)',
      labelNames: ['operation_name', 'operation_type'],
      registers,
    });
    this.durations = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from the request to its answer, by operation',
      labelNames: ['operation_name', 'operation_type'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.errors = new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL answers, by extensions.code',
      labelNames: ['code'],
      registers,
    });
    this.refusals = new Counter({
      name: 'graphql_refused_operations_total',
      help: 'Operations refused by the access rules or a rate limit (UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED)',
      labelNames: ['code', 'operation_name', 'operation_type'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'graphql_rate_limited_total',
      help: 'Operations refused by a rate limit (sign-in failures per address, mutations per caller)',
      labelNames: ['operation_name', 'operation_type'],
      registers,
    });
    this.security = new Counter({
      name: 'security_events_total',
      help: 'Sign-ins (detail ok or failed), refusals by the access rules (by code), rate-limit refusals (by limit)',
      labelNames: ['event', 'detail'],
      registers,
    });
    this.unknown = this.series(UNKNOWN, 'unknown');
  }

  /** One security event; both labels come from a closed list (sign_in ok/failed, refusal codes, limit kinds). */
  securityEvent(event: string, detail: string): void {
    this.security.inc({ event, detail });
  }

  /** Reports the pool's state at each scrape (nothing is recorded between scrapes). */
  watchPool(stats: () => PoolStats | undefined): void {
    const gauge = (name: string, help: string, read: (pool: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const pool = stats();
          if (pool) this.set(read(pool));
        },
      });
    gauge('db_pool_total_connections', 'Connections the pool holds, busy or idle', (pool) => pool.total);
    gauge('db_pool_idle_connections', 'Connections the pool holds that are idle', (pool) => pool.idle);
    gauge('db_pool_waiting_requests', 'Queries waiting for a connection', (pool) => pool.waiting);
    gauge('db_pool_max_connections', 'The most connections the pool may open', (pool) => pool.max);
  }

  /** After every response (called by the request log controller): counts and times GraphQL requests. */
  requestCompleted(request: FastifyRequest & RequestWithOperation, reply: FastifyReply): void {
    const operation = request[OPERATION];
    // (routeOptions builds an object on every read; the URL is a plain field.)
    if (operation === undefined && !request.url.startsWith('/graphql')) return;
    const series = operation ? (this.byNode.get(operation) ?? this.seriesOfNode(operation)) : this.unknown;
    series.requests.inc();
    series.duration.observe(reply.elapsedTime / 1000);
  }

  /** The errors of one answer, as formatted for the caller. */
  errorsAnswered(errors: readonly GraphQLFormattedError[], request?: FastifyRequest & RequestWithOperation): void {
    for (const error of errors) {
      const given = error.extensions?.code;
      const code = typeof given === 'string' && KNOWN_CODES.has(given) ? given : 'OTHER';
      this.errors.inc({ code });
      if (!REFUSALS.has(code)) continue;
      const operation = request?.[OPERATION];
      const labels = operation
        ? (this.byNode.get(operation) ?? this.seriesOfNode(operation)).labels
        : this.unknown.labels;
      this.refusals.inc({ code, ...labels });
      if (code === RATE_LIMITED) this.rateLimited.inc(labels);
    }
  }

  private seriesOfNode(operation: OperationDefinitionNode): OperationSeries {
    const name = operation.name?.value;
    const series = this.series(
      name === undefined ? ANONYMOUS : name.length > MAX_NAME_LENGTH ? OTHER : name,
      operation.operation,
    );
    this.byNode.set(operation, series);
    return series;
  }

  private series(name: string, type: string): OperationSeries {
    const key = `${type} ${name}`;
    let series = this.byName.get(key);
    if (!series) {
      if (this.byName.size >= MAX_OPERATION_NAMES && name !== ANONYMOUS && name !== UNKNOWN && name !== OTHER) {
        return this.series(OTHER, type);
      }
      const labels = { operation_name: name, operation_type: type };
      series = { labels, requests: this.requests.labels(labels), duration: this.durations.labels(labels) };
      this.byName.set(key, series);
    }
    return series;
  }

  /**
   * Serves GET /metrics in Prometheus' text format; with a token, only to `Authorization: Bearer <token>` (compared
   * in constant time).
   */
  serve(fastify: FastifyInstance, token: string | undefined): void {
    const expected = token === undefined ? undefined : digest(token);
    fastify.get('/metrics', async (request, reply) => {
      if (expected) {
        const [scheme, given] = (request.headers.authorization ?? '').split(' ', 2);
        if (scheme?.toLowerCase() !== 'bearer' || !given || !timingSafeEqual(digest(given), expected)) {
          return reply
            .code(401)
            .header('www-authenticate', 'Bearer realm="metrics"')
            .send({ error: 'send Authorization: Bearer <METRICS_TOKEN>' });
        }
      }
      const text = await this.registry.metrics();
      return reply.header('content-type', this.registry.contentType).send(text);
    });
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
