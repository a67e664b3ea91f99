import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import { OrganizationsService } from '../auth/organizations.service.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { BadUserInputError, ConflictError } from '../common/errors/app-errors.js';
import { normalizeWebsite } from '../companies/dto/company-fields.js';
import type { Page } from '../common/pagination/connection.js';
import type { PageArgs } from '../common/pagination/page-args.js';
import { Database } from '../database/database.js';
import { isForeignKeyViolation, isUniqueViolation } from '../database/pg-errors.js';
import type { Tx } from '../database/transaction.js';
import type { CreateRegulatorInput, UpdateRegulatorInput } from './dto/regulator.input.js';
import { REGULATOR } from './regulator-scope.js';
import type { Regulator } from './regulator.entity.js';
import { RegulatorsRepository } from './regulators.repository.js';

@Injectable()
export class RegulatorsService {
  constructor(
    private readonly db: Database,
    private readonly regulators: RegulatorsRepository,
    private readonly organizations: OrganizationsService,
    private readonly writes: AuditedWrites,
  ) {}

  list(args: PageArgs): Promise<Page<Regulator>> {
    return this.regulators.page(args);
  }

  byIds(ids: readonly string[]): Promise<(Regulator | null)[]> {
    return this.regulators.byIds(ids);
  }

  create(input: CreateRegulatorInput, actor: AuditActor, tx?: Tx): Promise<Regulator> {
    return this.db.within(tx, (tx) =>
      this.writes.create(
        tx,
        actor,
        { action: 'regulator.create', entityType: this.regulators.entityType },
        async () => {
          const id = await this.organizations.register(tx, REGULATOR);
          return this.regulators
            .insert(tx, {
              id,
              name: input.name.trim(),
              jurisdiction: input.jurisdiction.toUpperCase(),
              website: input.website == null ? null : normalizeWebsite(input.website),
            })
            .catch((error: unknown) => {
              if (isForeignKeyViolation(error)) {
                throw BadUserInputError.field('input.jurisdiction', 'names no country or organisation');
              }
              throw sameNameConflict(error, input.name);
            });
        },
      ),
    );
  }

  /** Changes the fields given; a change to what they already hold records nothing. */
  update(id: string, input: UpdateRegulatorInput, actor: AuditActor, tx?: Tx): Promise<Regulator> {
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.regulators, id, 'regulator.update', (before) => {
        const name = input.name?.trim() ?? before.name;
        const website = input.website === undefined ? before.website : input.website && normalizeWebsite(input.website);
        return this.regulators.update(tx, id, { name, website }).catch((error: unknown) => {
          throw sameNameConflict(error, name);
        });
      }),
    );
  }
}

/** Names are unique per jurisdiction ignoring case and runs of spaces (UQ_regulator_jurisdiction_name). */
function sameNameConflict(error: unknown, name: string): unknown {
  return isUniqueViolation(error, 'UQ_regulator_jurisdiction_name')
    ? new ConflictError(`a regulator named "${name.trim()}" exists in this jurisdiction`)
    : error;
}
