import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { BadUserInputError, NotFoundError } from '../common/errors/app-errors.js';
import type { Page } from '../common/pagination/connection.js';
import type { PageArgs } from '../common/pagination/page-args.js';
import { isForeignKeyViolation } from '../database/pg-errors.js';
import { returnedRows } from '../database/returning.js';
import type { CreateRegulatorInput, UpdateRegulatorInput } from './dto/regulator.inputs.js';
import type { Regulator } from './regulator.entity.js';
import { NamedRecords } from '../database/named-records.js';

const REGULATOR_COLUMNS = `t.id, t.name, t.jurisdiction, t.created_at AS "createdAt"`;

@Injectable()
export class RegulatorsService {
  private readonly records: NamedRecords<Regulator>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {
    this.records = new NamedRecords(db, 'regulator', REGULATOR_COLUMNS);
  }

  list(args: PageArgs): Promise<Page<Regulator>> {
    return this.records.page(args);
  }

  byIds(ids: readonly string[]): Promise<(Regulator | null)[]> {
    return this.records.byIds(ids);
  }

  create(input: CreateRegulatorInput, actor: AuditActor): Promise<Regulator> {
    return this.db.transaction(async (manager) => {
      let regulator: Regulator;
      try {
        [regulator] = await manager.query(
          `INSERT INTO regulator AS t (name, jurisdiction) VALUES ($1, $2) RETURNING ${REGULATOR_COLUMNS}`,
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
        `SELECT ${REGULATOR_COLUMNS} FROM regulator t WHERE t.id = $1 FOR UPDATE`,
        [id],
      );
      if (!before) throw new NotFoundError('regulator', id);
      const [after] = returnedRows<Regulator>(
        await manager.query(`UPDATE regulator t SET name = $2 WHERE t.id = $1 RETURNING ${REGULATOR_COLUMNS}`, [
          id,
          input.name.trim(),
        ]),
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
