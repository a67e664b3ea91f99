import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type AuditActor } from '../audit/audit.service.js';
import { BadUserInputError, NotFoundError } from '../common/errors/app-errors.js';
import { indexBy } from '../common/loaders/batch-results.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import type { PageArgs } from '../common/pagination/page-args.js';
import { isForeignKeyViolation } from '../database/pg-errors.js';
import { returnedRows } from '../database/returning.js';
import type { CreateRegulatorInput, UpdateRegulatorInput } from './dto/regulator.inputs.js';
import type { Regulator } from './regulator.entity.js';
import { preparedQuery } from '../database/prepared-query.js';

const REGULATOR_COLUMNS = `r.id, r.name, r.jurisdiction, r.created_at AS "createdAt"`;

@Injectable()
export class RegulatorsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(args: PageArgs): Promise<Page<Regulator>> {
    const after = args.after ? decodeCursor(args.after, 2) : null;
    const rows: Regulator[] = await preparedQuery(
      this.db,
      `SELECT ${REGULATOR_COLUMNS} FROM regulator r
       WHERE $1::text IS NULL OR (r.name, r.id) > ($1::text, $2::uuid)
       ORDER BY r.name, r.id LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, args.first + 1],
    );
    return toPage(
      rows,
      args.first,
      (row) => [row.name, row.id],
      after !== null,
      async () => {
        const [{ count }] = await preparedQuery(this.db, `SELECT count(*) AS count FROM regulator`);
        return count as number;
      },
    );
  }

  async byIds(ids: readonly string[]): Promise<(Regulator | null)[]> {
    const rows: Regulator[] = await preparedQuery(
      this.db,
      `SELECT ${REGULATOR_COLUMNS} FROM regulator r WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    return indexBy(ids, rows, (row) => row.id);
  }

  create(input: CreateRegulatorInput, actor: AuditActor): Promise<Regulator> {
    return this.db.transaction(async (manager) => {
      let regulator: Regulator;
      try {
        [regulator] = await manager.query(
          `INSERT INTO regulator (name, jurisdiction) VALUES ($1, $2) RETURNING id, name, jurisdiction, created_at AS "createdAt"`,
          [input.name.trim(), input.jurisdiction.toUpperCase()],
        );
      } catch (error) {
        if (isForeignKeyViolation(error))
          throw BadUserInputError.field('input.jurisdiction', 'names no country or organisation');
        throw error;
      }
      await this.audit.record(manager, actor, {
        action: 'regulator.create',
        entityType: 'regulator',
        entityId: regulator.id,
        before: null,
        after: regulator,
      });
      return regulator;
    });
  }

  update(id: string, input: UpdateRegulatorInput, actor: AuditActor): Promise<Regulator> {
    return this.db.transaction(async (manager) => {
      const [before]: Regulator[] = await manager.query(
        `SELECT ${REGULATOR_COLUMNS} FROM regulator r WHERE r.id = $1 FOR UPDATE`,
        [id],
      );
      if (!before) throw new NotFoundError('regulator', id);
      const [after] = returnedRows<Regulator>(
        await manager.query(
          `UPDATE regulator SET name = $2 WHERE id = $1 RETURNING id, name, jurisdiction, created_at AS "createdAt"`,
          [id, input.name.trim()],
        ),
      );
      await this.audit.record(manager, actor, {
        action: 'regulator.update',
        entityType: 'regulator',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }
}
