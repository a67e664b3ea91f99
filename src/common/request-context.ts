import type { Request } from 'express';
import { todayUtc } from './dates.js';
import { LoaderRegistry } from './loaders/loader-registry.js';

/** The GraphQL context of one request. */
export interface RequestContext {
  req: Request;
  loaders: LoaderRegistry;
  /** The default as-of date, fixed once per request so that every field of one answer agrees. */
  today: string;
}

export function createRequestContext({ req }: { req: Request }): RequestContext {
  return { req, loaders: new LoaderRegistry(), today: todayUtc() };
}
