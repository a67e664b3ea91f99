import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import { NationalAiStrategiesRepository } from './national-ai-strategies.repository.js';
import type { NationalAiStrategy } from './national-ai-strategy.entity.js';
import type { PolicyInstrument } from './policy-instrument.entity.js';
import { PolicyInstrumentsRepository } from './policy-instruments.repository.js';
import type { ReadinessScore } from './readiness-score.entity.js';
import { ReadinessScoresRepository } from './readiness-scores.repository.js';

/** The per-request DataLoaders of this module. */
@Injectable()
export class PoliciesLoaders {
  constructor(
    private readonly strategies: NationalAiStrategiesRepository,
    private readonly instruments: PolicyInstrumentsRepository,
    private readonly scores: ReadinessScoresRepository,
  ) {}

  strategiesOfParty(loaders: LoaderRegistry): DataLoader<string, NationalAiStrategy[]> {
    return loaders.get('strategiesOfParty', (codes) => this.strategies.ofParties(codes));
  }

  instrumentsOfParty(loaders: LoaderRegistry): DataLoader<string, PolicyInstrument[]> {
    return loaders.get('instrumentsOfParty', (codes) => this.instruments.ofParties(codes));
  }

  /** Scores of one year, or each country's latest when `year` is null. */
  readinessOfCountry(loaders: LoaderRegistry, year: number | null): DataLoader<string, ReadinessScore | null> {
    return loaders.get(`readinessOfCountry:${year ?? 'latest'}`, (codes) => this.scores.ofCountries(codes, year));
  }
}
