import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { BadUserInputError, NotFoundError } from '../common/errors/app-errors.js';
import type { Page } from '../common/pagination/connection.js';
import type { PageArgs } from '../common/pagination/page-args.js';
import { isForeignKeyViolation } from '../database/pg-errors.js';
import { returnedRows } from '../database/returning.js';
import type { Company } from './company.entity.js';
import type { RegisterCompanyInput, UpdateCompanyInput } from './dto/company.inputs.js';
import { NamedRecords } from '../database/named-records.js';

const COMPANY_COLUMNS = `t.id, t.name, t.country_iso3 AS "countryIso3", t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

@Injectable()
export class CompaniesService {
  private readonly records: NamedRecords<Company>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {
    this.records = new NamedRecords(db, 'company', COMPANY_COLUMNS);
  }

  list(args: PageArgs): Promise<Page<Company>> {
    return this.records.page(args);
  }

  byIds(ids: readonly string[]): Promise<(Company | null)[]> {
    return this.records.byIds(ids);
  }

  /** Registers a company; a filer who registers it becomes its member in the same transaction. */
  register(input: RegisterCompanyInput, actor: AuditActor, addFilerAsMember: boolean): Promise<Company> {
    return this.db.transaction(async (manager) => {
      let company: Company;
      try {
        [company] = await manager.query(
          `INSERT INTO company AS t (name, country_iso3) VALUES ($1, $2)
           RETURNING ${COMPANY_COLUMNS}`,
          [input.name.trim(), input.countryIso3.toUpperCase()],
        );
      } catch (error) {
        if (isForeignKeyViolation(error)) throw BadUserInputError.field('input.countryIso3', 'names no country');
        throw error;
      }
      if (addFilerAsMember && actor.userId) {
        await manager.query(`INSERT INTO user_membership (user_id, company_id) VALUES ($1, $2)`, [
          actor.userId,
          company.id,
        ]);
      }
      await this.audit.record(manager, actor, {
        action: 'company.register',
        entityType: 'company',
        entityId: company.id,
        before: null,
        after: { ...company, memberUserIds: addFilerAsMember && actor.userId ? [actor.userId] : [] },
      });
      return company;
    });
  }

  update(id: string, input: UpdateCompanyInput, actor: AuditActor): Promise<Company> {
    return this.db.transaction(async (manager) => {
      const before = await this.lockedById(manager, id);
      const [after] = returnedRows<Company>(
        await manager.query(
          `UPDATE company t SET name = $2, updated_at = now() WHERE t.id = $1
         RETURNING ${COMPANY_COLUMNS}`,
          [id, input.name.trim()],
        ),
      );
      await this.audit.record(manager, actor, {
        action: 'company.update',
        entityType: 'company',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  private async lockedById(manager: EntityManager, id: string): Promise<Company> {
    const [row]: Company[] = await manager.query(
      `SELECT ${COMPANY_COLUMNS} FROM company t WHERE t.id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new NotFoundError('company', id);
    return row;
  }
}
