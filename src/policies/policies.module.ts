import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CountryProfileResolver } from './country-profile.resolver.js';
import { NationalAiStrategiesRepository } from './national-ai-strategies.repository.js';
import { NationalAiStrategiesResolver } from './national-ai-strategies.resolver.js';
import { NationalAiStrategiesService } from './national-ai-strategies.service.js';
import { NationalAiStrategy } from './national-ai-strategy.entity.js';
import { PoliciesLoaders } from './policies.loaders.js';
import { PolicyInstrument } from './policy-instrument.entity.js';
import { PolicyInstrumentsRepository } from './policy-instruments.repository.js';
import { PolicyInstrumentsResolver } from './policy-instruments.resolver.js';
import { PolicyInstrumentsService } from './policy-instruments.service.js';
import { ReadinessScore } from './readiness-score.entity.js';
import { ReadinessScoresRepository } from './readiness-scores.repository.js';
import { ReadinessScoresResolver } from './readiness-scores.resolver.js';
import { ReadinessScoresService } from './readiness-scores.service.js';

/** Country profiles: national AI strategies, policy instruments and readiness ranks. */
@Module({
  imports: [TypeOrmModule.forFeature([NationalAiStrategy, PolicyInstrument, ReadinessScore]), AuditModule],
  providers: [
    NationalAiStrategiesRepository,
    PolicyInstrumentsRepository,
    ReadinessScoresRepository,
    NationalAiStrategiesService,
    PolicyInstrumentsService,
    ReadinessScoresService,
    PoliciesLoaders,
    NationalAiStrategiesResolver,
    PolicyInstrumentsResolver,
    ReadinessScoresResolver,
    CountryProfileResolver,
  ],
  exports: [NationalAiStrategiesService, PolicyInstrumentsService, ReadinessScoresService, PoliciesLoaders],
})
export class PoliciesModule {}
