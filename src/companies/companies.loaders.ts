import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import type { AISystem } from './ai-system.entity.js';
import { AISystemsRepository, type AISystemKey } from './ai-systems.repository.js';
import { CompaniesRepository } from './companies.repository.js';
import type { Company } from './company.entity.js';

/** The per-request DataLoaders of this module; the modules above use them for companies and AI systems. */
@Injectable()
export class CompaniesLoaders {
  constructor(
    private readonly companies: CompaniesRepository,
    private readonly aiSystems: AISystemsRepository,
  ) {}

  companyById(loaders: LoaderRegistry): DataLoader<string, Company | null> {
    return loaders.get('company', (ids) => this.companies.byIds(ids));
  }

  aiSystemById(loaders: LoaderRegistry): DataLoader<string, AISystem | null> {
    return loaders.get('aiSystem', (ids) => this.aiSystems.byIds(ids));
  }

  /** Party codes where each AI system is deployed, sorted. */
  jurisdictionsOf(loaders: LoaderRegistry): DataLoader<string, string[]> {
    return loaders.get('aiSystemJurisdictions', (ids) => this.aiSystems.jurisdictionsOf(ids));
  }

  /** One page of AI systems per company id (by name, id): up to `limit` after `after`. */
  aiSystemsOfCompany(
    loaders: LoaderRegistry,
    after: AISystemKey | null,
    limit: number,
  ): DataLoader<string, AISystem[]> {
    return loaders.get(`aiSystemsOfCompany:${JSON.stringify(after)}:${limit}`, (ids) =>
      this.aiSystems.pagesOfCompanies(ids, after, limit),
    );
  }

  aiSystemCountOfCompany(loaders: LoaderRegistry): DataLoader<string, number> {
    return loaders.get('aiSystemCountOfCompany', (ids) => this.aiSystems.countsOfCompanies(ids));
  }
}
