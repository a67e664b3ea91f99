import { AbstractGraphQLDriver } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyInstance } from 'fastify';
import mercurius from 'mercurius';

/**
 * Nest's Mercurius driver, minus two costs every request paid for features this service does not use: an async
 * wrapper around the context function (ours already puts `req` in the context), and two async Mercurius hooks that
 * serve `@OnRequestStart`/`@OnRequestEnd` decorators. Should such a decorator ever be used, the stock driver runs.
 */
export class LeanMercuriusDriver extends MercuriusDriver {
  override async mergeDefaultOptions(options: MercuriusDriverConfig): Promise<MercuriusDriverConfig> {
    if (this.resolverDecoratorHost?.hasRequestHooks()) return super.mergeDefaultOptions(options);
    return AbstractGraphQLDriver.prototype.mergeDefaultOptions.call(this, options) as Promise<MercuriusDriverConfig>;
  }

  override async start(options: MercuriusDriverConfig): Promise<void> {
    const { plugins, hooks, ...mercuriusOptions } = options;
    if (this.resolverDecoratorHost?.hasRequestHooks() || plugins?.length || mercuriusOptions.definitions) {
      return super.start(options);
    }
    const app = this.httpAdapterHost.httpAdapter.getInstance<FastifyInstance>();
    await app.register(mercurius, mercuriusOptions);
    for (const [name, hook] of Object.entries(hooks ?? {})) {
      // The hook names and signatures are checked by MercuriusDriverConfig; addHook's overloads cannot see that.
      (app.graphql.addHook as (name: string, hook: unknown) => void)(name, hook);
    }
  }
}
