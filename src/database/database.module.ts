import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, type QueryObserver } from './data-source-options.js';
import { Database } from './database.js';

export interface DatabaseModuleOptions {
  url: string;
  poolSize: number;
  /** Build the module without connecting, for tasks that only need the schema (emitting schema.gql). */
  connect: boolean;
  onQuery?: QueryObserver;
}

/**
 * The connection and the `Database` every repository is given. Entities are not listed here: each feature module
 * registers its own with TypeOrmModule.forFeature, and only registered entities exist for TypeORM.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options.url, options.poolSize, options.onQuery),
          autoLoadEntities: true,
          manualInitialization: !options.connect,
        }),
      ],
      providers: [Database],
      exports: [Database],
    };
  }
}
