import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, type QueryObserver } from './data-source-options.js';

export interface DatabaseModuleOptions {
  url: string;
  poolSize: number;
  /** Build the module without connecting, for tasks that only need the schema (emitting schema.gql). */
  connect: boolean;
  onQuery?: QueryObserver;
}

export function databaseModule(options: DatabaseModuleOptions) {
  return TypeOrmModule.forRoot({
    ...dataSourceOptions(options.url, options.poolSize, options.onQuery),
    autoLoadEntities: true,
    manualInitialization: !options.connect,
  });
}
