import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import type { Regulator } from './regulator.entity.js';
import { RegulatorsRepository } from './regulators.repository.js';

/** The per-request DataLoaders of this module. */
@Injectable()
export class RegulatorsLoaders {
  constructor(private readonly regulators: RegulatorsRepository) {}

  regulatorById(loaders: LoaderRegistry): DataLoader<string, Regulator | null> {
    return loaders.get('regulator', (ids) => this.regulators.byIds(ids));
  }
}
