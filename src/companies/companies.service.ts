import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { BadUserInputError, NotFoundError } from '../common/errors/app-errors.js';
import { indexBy } from '../common/loaders/batch-results.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import type { PageArgs } from '../common/pagination/page-args.js';
import { isForeignKeyViolation } from '../database/pg-errors.js';
import { returnedRows } from '../database/returning.js';
import type { Company } from './company.entity.js';
import type { RegisterCompanyInput, UpdateCompanyInput } from './dto/company.inputs.js';
import { preparedQuery } from '../database/prepared-query.js';

const COMPANY_COLUMNS = `c.id, c.name, c.country_iso3 AS "countryIso3", c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;

@Injectable()
export class CompaniesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Ordered by name, then id; keyset on both. */
  async list(args: PageArgs): Promise<Page<Company>> {
    const after = args.after ? decodeCursor(args.after, 2) : null;
    const rows: Company[] = await preparedQuery(
      this.db,
      `SELECT ${COMPANY_COLUMNS} FROM company c
       WHERE $1::text IS NULL OR (c.name, c.id) > ($1::text, $2::uuid)
       ORDER BY c.name, c.id LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, args.first + 1],
    );
    return toPage(
      rows,
      args.first,
      (row) => [row.name, row.id],
      after !== null,
      async () => {
        const [{ count }] = await preparedQuery(this.db, `SELECT count(*) AS count FROM company`);
        return count as number;
      },
    );
  }

  async byIds(ids: readonly string[]): Promise<(Company | null)[]> {
    const rows: Company[] = await preparedQuery(
      this.db,
      `SELECT ${COMPANY_COLUMNS} FROM company c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return indexBy(ids, rows, (row) => row.id);
  }

  /** Registers a company; a filer who registers it becomes its member in the same transaction. */
  register(input: RegisterCompanyInput, actor: AuditActor, addFilerAsMember: boolean): Promise<Company> {
    return this.db.transaction(async (manager) => {
      let company: Company;
      try {
        [company] = await manager.query(
          `INSERT INTO company (name, country_iso3) VALUES ($1, $2)
           RETURNING id, name, country_iso3 AS "countryIso3", created_at AS "createdAt", updated_at AS "updatedAt"`,
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
          `UPDATE company SET name = $2, updated_at = now() WHERE id = $1
         RETURNING id, name, country_iso3 AS "countryIso3", created_at AS "createdAt", updated_at AS "updatedAt"`,
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
      `SELECT ${COMPANY_COLUMNS} FROM company c WHERE c.id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new NotFoundError('company', id);
    return row;
  }
}
