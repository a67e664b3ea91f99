import { Global, Injectable, Module } from '@nestjs/common';
import {
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { RequestContext } from '../request-context.js';

/** A fast path: the field's value, or undefined to leave the field to Nest's resolver. */
type FastAnswer = (source: unknown, args: unknown, context: RequestContext, info: GraphQLResolveInfo) => unknown;

/**
 * Plain graphql-js resolvers for hot relation fields of public types. Nest runs every `@ResolveField` call
 * through its parameter pipeline (decorators, pipes, promises); for 100 countries with their groups that
 * pipeline cost a third of the server's CPU (A/B over three rounds: 4051 -> 2703 µs per request, 268 -> 394
 * requests/s).
 *
 * The field is still declared with `@ResolveField` (that is where its type, arguments and description come
 * from); its resolver registers the same logic here, and it is installed in place of Nest's wrapper when the
 * schema is built. Guards never run on field resolvers, so this changes no access rule; use it only for
 * fields anyone may read.
 */
@Injectable()
export class ThinFields {
  private readonly resolvers: { type: string; field: string; resolve: GraphQLFieldResolver<unknown, unknown> }[] = [];
  private readonly fastPaths: { type: string; field: string; answer: FastAnswer }[] = [];

  register<Source, Args, Context>(
    type: string,
    field: string,
    resolve: GraphQLFieldResolver<Source, Context, Args>,
  ): void {
    // Stored type-erased: graphql-js hands each resolver the source, arguments and context of its own field.
    this.resolvers.push({ type, field, resolve: resolve as unknown as GraphQLFieldResolver<unknown, unknown> });
  }

  /**
   * A public root query answered without Nest's pipeline when the request carries no credentials and `answer`
   * accepts its arguments. Anything else (a token or API key to check, arguments `answer` declines by returning
   * undefined) goes through Nest's resolver as before: the access guard, the validation pipe and its error naming
   * the field. So the fast path changes no rule and no error, only the cost of the common anonymous read.
   */
  registerPublicQuery<Args>(
    field: string,
    answer: (args: Args, context: RequestContext, info: GraphQLResolveInfo) => unknown,
  ): void {
    this.registerFastField('Query', field, (_root: unknown, args: Args, context, info) => {
      const headers = context.req.headers;
      return headers.authorization || headers['x-api-key'] ? undefined : answer(args, context, info);
    });
  }

  /**
   * A field of a public type answered without Nest's pipeline when `answer` accepts its arguments (it returns
   * undefined to decline: then Nest's resolver runs, with its validation and errors). Guards never run on fields,
   * so only the cost changes.
   */
  registerFastField<Source, Args>(
    type: string,
    field: string,
    answer: (source: Source, args: Args, context: RequestContext, info: GraphQLResolveInfo) => unknown,
  ): void {
    this.fastPaths.push({ type, field, answer: answer as FastAnswer });
  }

  install(schema: GraphQLSchema): GraphQLSchema {
    for (const { type, field, resolve } of this.resolvers) this.fieldOf(schema, type, field).resolve = resolve;
    for (const { type, field, answer } of this.fastPaths) {
      const target = this.fieldOf(schema, type, field) as GraphQLField<unknown, RequestContext>;
      const nest = target.resolve!;
      target.resolve = (source, args: Record<string, unknown>, context: RequestContext, info) => {
        const answered = answer(source, args, context, info);
        return answered === undefined ? nest(source, args, context, info) : answered;
      };
    }
    return schema;
  }

  private fieldOf(schema: GraphQLSchema, type: string, field: string): GraphQLField<unknown, unknown> {
    const objectType = schema.getType(type);
    const target = isObjectType(objectType) ? objectType.getFields()[field] : undefined;
    if (!target) throw new Error(`thin resolver for ${type}.${field}: no such field in the schema`);
    return target;
  }
}

@Global()
@Module({ providers: [ThinFields], exports: [ThinFields] })
export class ThinFieldsModule {}
