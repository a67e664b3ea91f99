import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import { OrganizationsService } from '../auth/organizations.service.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { BadUserInputError } from '../common/errors/app-errors.js';
import type { Page } from '../common/pagination/connection.js';
import type { PageArgs } from '../common/pagination/page-args.js';
import { Database } from '../database/database.js';
import { isForeignKeyViolation } from '../database/pg-errors.js';
import type { Tx } from '../database/transaction.js';
import { CompaniesRepository } from './companies.repository.js';
import { COMPANY } from './company-scope.js';
import type { Company } from './company.entity.js';
import type { RegisterCompanyInput, UpdateCompanyInput } from './dto/company.input.js';

@Injectable()
export class CompaniesService {
  constructor(
    private readonly db: Database,
    private readonly companies: CompaniesRepository,
    private readonly organizations: OrganizationsService,
    private readonly writes: AuditedWrites,
  ) {}

  list(args: PageArgs): Promise<Page<Company>> {
    return this.companies.page(args);
  }

  byIds(ids: readonly string[]): Promise<(Company | null)[]> {
    return this.companies.byIds(ids);
  }

  /** Registers a company; a filer who registers it becomes its member in the same transaction. */
  register(input: RegisterCompanyInput, actor: AuditActor, addActorAsMember: boolean, tx?: Tx): Promise<Company> {
    const memberUserIds = addActorAsMember && actor.userId ? [actor.userId] : [];
    return this.db.within(tx, (tx) =>
      this.writes.create(
        tx,
        actor,
        { action: 'company.register', entityType: this.companies.entityType },
        async () => {
          const id = await this.organizations.register(tx, COMPANY);
          const company = await this.companies
            .insert(tx, { id, name: input.name.trim(), countryIso3: input.countryIso3.toUpperCase() })
            .catch((error: unknown) => {
              if (isForeignKeyViolation(error)) throw BadUserInputError.field('input.countryIso3', 'names no country');
              throw error;
            });
          for (const userId of memberUserIds) await this.organizations.addMember(tx, id, userId);
          return company;
        },
        (company) => ({ ...company, memberUserIds }),
      ),
    );
  }

  update(id: string, input: UpdateCompanyInput, actor: AuditActor, tx?: Tx): Promise<Company> {
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.companies, id, 'company.update', () =>
        this.companies.rename(tx, id, input.name.trim()),
      ),
    );
  }
}
