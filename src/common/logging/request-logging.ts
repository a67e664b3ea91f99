import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Metrics } from '../metrics/metrics.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Takes a well-formed X-Request-Id from the caller (or a proxy), makes one otherwise (echoed by createApp). */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * One JSON line per request with its id, status and time, instead of Fastify's two; health checks are not logged.
 * `request.log` carries the id (`reqId`) for anything logged while serving the request.
 */
export class RequestLogController extends LogController {
  /** `metrics` (when on) is told of every response here, so that counting costs no hook of its own. */
  constructor(private readonly metrics?: Metrics) {
    super();
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    this.metrics?.requestCompleted(request, reply);
    if (request.url.startsWith('/health/') || request.url === '/metrics') return;
    const line = {
      req: { id: request.id, method: request.method, url: request.url },
      res: { statusCode: reply.statusCode },
      responseTime: reply.elapsedTime,
    };
    if (error || reply.statusCode >= 500) reply.log.error({ ...line, err: error ?? undefined }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}
