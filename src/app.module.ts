import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { PassThroughFilter } from './common/errors/pass-through.filter.js';
import type { Metrics } from './common/metrics/metrics.js';
import { graphqlModule } from './common/graphql/graphql.module.js';
import { ThinFieldsModule } from './common/graphql/thin-fields.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CompaniesModule } from './companies/companies.module.js';
import { CountriesModule } from './countries/countries.module.js';
import { DisclosuresModule } from './disclosures/disclosures.module.js';
import { InitiativesModule } from './initiatives/initiatives.module.js';
import { OversightModule } from './oversight/oversight.module.js';
import { PoliciesModule } from './policies/policies.module.js';
import type { QueryObserver } from './database/data-source-options.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { IdempotencyModule } from './idempotency/idempotency.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database actually used, as the service's role (see app-database.ts), or a tool's. */
  databaseUrl: string;
  schemaFile?: string | false;
  connectDatabase?: boolean;
  onQuery?: QueryObserver;
  /** Prometheus metrics, when on (createApp makes them). */
  metrics?: Metrics;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot({
          url: options.databaseUrl,
          poolSize: options.config.databasePoolSize,
          connect: options.connectDatabase ?? true,
          onQuery: options.onQuery,
        }),
        ThinFieldsModule,
        graphqlModule({
          schemaFile: options.schemaFile ?? false,
          introspection: options.config.introspection,
          maxDepth: options.config.maxQueryDepth,
          maxComplexity: options.config.maxQueryComplexity,
          maxAliases: options.config.maxQueryAliases,
          maxTokens: options.config.maxQueryTokens,
          metrics: options.metrics,
        }),
        HealthModule,
        AuditModule,
        AuthModule,
        CountriesModule,
        CompaniesModule,
        PoliciesModule,
        InitiativesModule,
        DisclosuresModule,
        OversightModule,
        IdempotencyModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: APP_FILTER, useClass: PassThroughFilter },
      ],
      exports: [APP_CONFIG],
    };
  }
}
