import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import { ComplianceService } from './compliance.service.js';
import type { DisclosureRequirement } from './disclosure-requirement.entity.js';
import type { SystemCompliance } from './dto/compliance.model.js';
import { RequirementsRepository } from './requirements.repository.js';

/** The per-request DataLoaders of requirements and compliance. */
@Injectable()
export class RequirementsLoaders {
  constructor(
    private readonly requirements: RequirementsRepository,
    private readonly compliance: ComplianceService,
  ) {}

  requirementById(loaders: LoaderRegistry): DataLoader<string, DisclosureRequirement | null> {
    return loaders.get('disclosureRequirement', (ids) => this.requirements.byIds(ids));
  }

  /** Each AI system's compliance in a jurisdiction (null: everywhere) on a date: one statement per batch. */
  complianceOfSystem(
    loaders: LoaderRegistry,
    jurisdiction: string | null,
    asOf: string,
  ): DataLoader<string, SystemCompliance> {
    const code = jurisdiction?.toUpperCase() ?? null;
    return loaders.get(`aiSystemCompliance:${code ?? ''}:${asOf}`, (ids) => this.compliance.ofSystems(ids, code, asOf));
  }
}
