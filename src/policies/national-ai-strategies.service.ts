import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { BadUserInputError } from '../common/errors/app-errors.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { Database } from '../database/database.js';
import type { Tx } from '../database/transaction.js';
import type { RecordNationalAiStrategyInput, UpdateNationalAiStrategyInput } from './dto/national-ai-strategy.input.js';
import type { NationalAiStrategiesArgs } from './dto/policy-lists.args.js';
import { MAX_ADOPTION_YEARS, type StrategyAdoptionArgs } from './dto/strategy-adoption.args.js';
import type { StrategyAdoption } from './dto/strategy-adoption.model.js';
import { NationalAiStrategiesRepository, type StrategyKey } from './national-ai-strategies.repository.js';
import type { NationalAiStrategy } from './national-ai-strategy.entity.js';
import { refusal } from './write-refusals.js';

const refused = refusal({
  reference: { field: 'input.partyCode', message: 'names no country or organisation' },
  duplicate: 'this party already has a national AI strategy with this title',
});

@Injectable()
export class NationalAiStrategiesService {
  constructor(
    private readonly db: Database,
    private readonly strategies: NationalAiStrategiesRepository,
    private readonly writes: AuditedWrites,
  ) {}

  async list(args: NationalAiStrategiesArgs): Promise<Page<NationalAiStrategy>> {
    const filter = args.filter ?? {};
    if (filter.releasedFrom && filter.releasedTo && filter.releasedTo < filter.releasedFrom) {
      throw BadUserInputError.field('filter.releasedTo', 'must not be before filter.releasedFrom');
    }
    const after = args.after ? decodeCursor(args.after, ['integer', 'text', 'text']) : null;
    const key: StrategyKey | null = after ? [Number(after[0]), after[1], after[2]] : null;
    const { rows, count } = await this.strategies.page(filter, key, args.first + 1);
    return toPage(rows, args.first, (row) => [row.releasedYear, row.partyCode, row.title], key !== null, count);
  }

  /**
   * Figure 11 for any groups and years. A group key that names no group is BAD_USER_INPUT (a typo must not read as
   * an empty group), checked from the answer itself: such a key has no rows.
   */
  async adoption(args: StrategyAdoptionArgs): Promise<StrategyAdoption[]> {
    if (args.toYear < args.fromYear) throw BadUserInputError.field('toYear', 'must not be before fromYear');
    if (args.toYear - args.fromYear >= MAX_ADOPTION_YEARS) {
      throw BadUserInputError.field('toYear', `must be less than ${MAX_ADOPTION_YEARS} years after fromYear`);
    }
    const keys = [...new Set(args.groupKeys.map((key) => key.toUpperCase()))];
    const rows = await this.strategies.adoption(keys, args.fromYear, args.toYear);
    const found = new Set(rows.map((row) => row.groupKey));
    const unknown = keys.filter((key) => !found.has(key));
    if (unknown.length) throw BadUserInputError.field('groupKeys', `names no country group: ${unknown.join(', ')}`);
    return rows;
  }

  record(input: RecordNationalAiStrategyInput, actor: AuditActor, tx?: Tx): Promise<NationalAiStrategy> {
    return this.db.within(tx, (tx) =>
      this.writes.create(
        tx,
        actor,
        { action: 'nationalAiStrategy.record', entityType: this.strategies.entityType },
        () =>
          this.strategies
            .insert(tx, input.partyCode.toUpperCase(), {
              releasedYear: input.releasedYear,
              title: input.title.trim(),
              sourceUrl: input.sourceUrl,
              confidence: input.confidence,
            })
            .catch(refused),
      ),
    );
  }

  update(id: string, input: UpdateNationalAiStrategyInput, actor: AuditActor, tx?: Tx): Promise<NationalAiStrategy> {
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.strategies, id, 'nationalAiStrategy.update', () =>
        this.strategies
          .update(tx, id, {
            releasedYear: input.releasedYear ?? undefined,
            title: input.title?.trim(),
            sourceUrl: input.sourceUrl ?? undefined,
            confidence: input.confidence ?? undefined,
          })
          .catch(refused),
      ),
    );
  }
}
