import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import {
  EnforcementActionsRepository,
  type EnforcementActionRow,
  type EnforcementHistoryRow,
} from './enforcement-actions.repository.js';

/** The sort key of a list of enforcement actions: decision date, id. */
export type EnforcementKey = [decidedOn: string, id: string];

/** The per-request DataLoaders of enforcement actions. */
@Injectable()
export class EnforcementLoaders {
  constructor(private readonly actions: EnforcementActionsRepository) {}

  historyOf(loaders: LoaderRegistry): DataLoader<string, EnforcementHistoryRow[]> {
    return loaders.get('enforcementHistory', (ids) => this.actions.historiesOf(ids));
  }

  /** One page of actions per company or per AI system: up to `limit` after `after`. */
  pageOf(
    loaders: LoaderRegistry,
    owner: 'company' | 'aiSystem',
    after: EnforcementKey | null,
    limit: number,
  ): DataLoader<string, EnforcementActionRow[]> {
    return loaders.get(`enforcementActions:${owner}:${JSON.stringify(after)}:${limit}`, (ids) =>
      this.actions.pagesOf(owner, ids, after, limit),
    );
  }

  countOf(loaders: LoaderRegistry, owner: 'company' | 'aiSystem'): DataLoader<string, number> {
    return loaders.get(`enforcementCount:${owner}`, (ids) => this.actions.countsOf(owner, ids));
  }
}
