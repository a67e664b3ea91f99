import type { Request } from 'express';
import { LoaderRegistry } from './loaders/loader-registry.js';

/** The GraphQL context of one request. */
export interface RequestContext {
  req: Request;
  loaders: LoaderRegistry;
}

export function createRequestContext({ req }: { req: Request }): RequestContext {
  return { req, loaders: new LoaderRegistry() };
}
