import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import { CompaniesRepository } from './companies.repository.js';
import type { Company } from './company.entity.js';

/** The per-request DataLoaders of this module. */
@Injectable()
export class CompaniesLoaders {
  constructor(private readonly companies: CompaniesRepository) {}

  companyById(loaders: LoaderRegistry): DataLoader<string, Company | null> {
    return loaders.get('company', (ids) => this.companies.byIds(ids));
  }
}
