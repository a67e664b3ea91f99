import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { Principal } from '../common/access/principal.js';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import { DisclosureReadsService } from './disclosure-reads.service.js';
import { DisclosureSearchRepository, type ListedDisclosure } from './disclosure-search.repository.js';
import type { DisclosureRow } from './disclosures.repository.js';

/** The per-request DataLoaders of this module. */
@Injectable()
export class DisclosuresLoaders {
  constructor(
    private readonly reads: DisclosureReadsService,
    private readonly search: DisclosureSearchRepository,
  ) {}

  /** Filings by id, as the request's caller may see them (a draft of another company is null). */
  disclosureById(loaders: LoaderRegistry, principal: Principal | null): DataLoader<string, DisclosureRow | null> {
    return loaders.get('disclosure', (ids) => this.reads.byIds(ids, principal));
  }

  /** Each company's newest `first` filings (+1, to tell whether there are more), batched over a page of companies. */
  latestOfCompany(loaders: LoaderRegistry, first: number): DataLoader<string, ListedDisclosure[]> {
    return loaders.get(`disclosure:latest:${first}`, (companyIds) => this.search.latestOfCompanies(companyIds, first));
  }
}
