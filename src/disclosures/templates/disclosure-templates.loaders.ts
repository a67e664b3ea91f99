import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { LoaderRegistry } from '../../common/loaders/loader-registry.js';
import { DisclosureTemplatesRepository } from './disclosure-templates.repository.js';

/** The per-request DataLoaders of this module. */
@Injectable()
export class DisclosureTemplatesLoaders {
  constructor(private readonly templates: DisclosureTemplatesRepository) {}

  /** Whether a filing uses a version, by its id `key@version`. */
  inUse(loaders: LoaderRegistry): DataLoader<string, boolean> {
    return loaders.get('disclosureTemplateInUse', (ids: readonly string[]) =>
      this.templates.inUse(
        ids.map((id) => {
          const at = id.lastIndexOf('@');
          return { key: id.slice(0, at), version: Number(id.slice(at + 1)) };
        }),
      ),
    );
  }
}
