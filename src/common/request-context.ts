import type { FastifyReply, FastifyRequest } from 'fastify';
import { todayUtc } from './dates.js';
import { LoaderRegistry } from './loaders/loader-registry.js';

/** The GraphQL context of one request. */
export interface RequestContext {
  req: FastifyRequest;
  reply: FastifyReply;
  loaders: LoaderRegistry;
  /** The default as-of date, fixed once per request so that every field of one answer agrees. */
  today: string;
}

export function createRequestContext(req: FastifyRequest, reply: FastifyReply): RequestContext {
  return { req, reply, loaders: new LoaderRegistry(), today: todayUtc() };
}
