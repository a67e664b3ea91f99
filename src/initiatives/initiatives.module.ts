import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CountriesModule } from '../countries/countries.module.js';
import { CountryParticipationFilter } from './country-filter.js';
import { CountryParticipationResolver } from './country-participation.resolver.js';
import { Initiative } from './initiative.entity.js';
import { InitiativesLoaders } from './initiatives.loaders.js';
import { InitiativesRepository } from './initiatives.repository.js';
import { InitiativesResolver } from './initiatives.resolver.js';
import { InitiativesService } from './initiatives.service.js';
import { ParticipationAnalyticsRepository } from './participation-analytics.repository.js';
import {
  DistributionBucketResolver,
  ParticipationAnalyticsResolver,
  ParticipationChangeResolver,
  ParticipationMatrixRowResolver,
} from './participation-analytics.resolver.js';
import { ParticipationAnalyticsService } from './participation-analytics.service.js';
import { ParticipationExportController } from './participation-export.controller.js';
import { ParticipationExportService } from './participation-export.service.js';
import { ParticipationImportService } from './participation-import.service.js';
import { Participation } from './participation.entity.js';
import { ParticipationsRepository } from './participations.repository.js';
import { ParticipationsResolver } from './participations.resolver.js';
import { ParticipationsService } from './participations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Initiative, Participation]), AuditModule, CountriesModule],
  controllers: [ParticipationExportController],
  providers: [
    InitiativesRepository,
    ParticipationsRepository,
    ParticipationAnalyticsRepository,
    InitiativesService,
    ParticipationsService,
    ParticipationImportService,
    ParticipationExportService,
    ParticipationAnalyticsService,
    InitiativesLoaders,
    CountryParticipationFilter,
    InitiativesResolver,
    ParticipationsResolver,
    CountryParticipationResolver,
    ParticipationAnalyticsResolver,
    DistributionBucketResolver,
    ParticipationMatrixRowResolver,
    ParticipationChangeResolver,
  ],
  exports: [InitiativesService, InitiativesLoaders, ParticipationImportService],
})
export class InitiativesModule {}
