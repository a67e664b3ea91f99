import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import type { AuditEvent } from './audit-event.entity.js';
import type { AuditedRecordRef } from './audit.repository.js';
import { AuditService } from './audit.service.js';

/** A parent record's events: those of `records` (the parent and what hangs from it), under the parent's `key`. */
export interface AuditedRecordGroup {
  key: string;
  records: readonly AuditedRecordRef[];
}

/** The per-request DataLoaders of this module. */
@Injectable()
export class AuditLoaders {
  constructor(private readonly audit: AuditService) {}

  /** The newest `first` events (+1, to tell whether there are more) of each group, batched over a page of parents. */
  firstPageOf(loaders: LoaderRegistry, first: number): DataLoader<AuditedRecordGroup, AuditEvent[], string> {
    return loaders.get<AuditedRecordGroup, AuditEvent[], string>(
      `audit:first-page:${first}`,
      (groups) =>
        this.audit.firstPages(
          groups.map((group) => group.records),
          first,
        ),
      { cacheKeyFn: (group) => group.key },
    );
  }
}
