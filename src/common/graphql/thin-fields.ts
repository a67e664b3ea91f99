import { Global, Injectable, Module } from '@nestjs/common';
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

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

  register<Source, Args, Context>(
    type: string,
    field: string,
    resolve: GraphQLFieldResolver<Source, Context, Args>,
  ): void {
    // Stored type-erased: graphql-js hands each resolver the source, arguments and context of its own field.
    this.resolvers.push({ type, field, resolve: resolve as unknown as GraphQLFieldResolver<unknown, unknown> });
  }

  install(schema: GraphQLSchema): GraphQLSchema {
    for (const { type, field, resolve } of this.resolvers) {
      const objectType = schema.getType(type);
      const target = isObjectType(objectType) ? objectType.getFields()[field] : undefined;
      if (!target) throw new Error(`thin resolver for ${type}.${field}: no such field in the schema`);
      target.resolve = resolve;
    }
    return schema;
  }
}

@Global()
@Module({ providers: [ThinFields], exports: [ThinFields] })
export class ThinFieldsModule {}
