import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import {
  CertificationsRepository,
  type CertificationHistoryRow,
  type CertificationRow,
} from './certifications.repository.js';

/** The sort key of a list of certifications: expiry date, id. */
export type CertificationKey = [expiresOn: string, id: string];

/** The per-request DataLoaders of certifications. */
@Injectable()
export class CertificationsLoaders {
  constructor(private readonly certifications: CertificationsRepository) {}

  historyOf(loaders: LoaderRegistry): DataLoader<string, CertificationHistoryRow[]> {
    return loaders.get('certificationHistory', (ids) => this.certifications.historiesOf(ids));
  }

  /** One page of certifications per company or per AI system: up to `limit` after `after`. */
  pageOf(
    loaders: LoaderRegistry,
    owner: 'company' | 'aiSystem',
    after: CertificationKey | null,
    limit: number,
  ): DataLoader<string, CertificationRow[]> {
    return loaders.get(`certifications:${owner}:${JSON.stringify(after)}:${limit}`, (ids) =>
      this.certifications.pagesOf(owner, ids, after, limit),
    );
  }

  countOf(loaders: LoaderRegistry, owner: 'company' | 'aiSystem'): DataLoader<string, number> {
    return loaders.get(`certificationCount:${owner}`, (ids) => this.certifications.countsOf(owner, ids));
  }
}
