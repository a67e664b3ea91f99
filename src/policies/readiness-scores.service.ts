import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { Database } from '../database/database.js';
import type { Tx } from '../database/transaction.js';
import type { ReadinessRankingArgs } from './dto/policy-lists.args.js';
import type { RecordReadinessScoreInput, UpdateReadinessScoreInput } from './dto/readiness-score.input.js';
import type { ReadinessScore } from './readiness-score.entity.js';
import { ReadinessScoresRepository, type RankingKey } from './readiness-scores.repository.js';
import { refusal } from './write-refusals.js';

const refused = refusal({
  reference: { field: 'input.countryIso3', message: 'names no country' },
  duplicate: 'this country already has a readiness score for this year',
});

@Injectable()
export class ReadinessScoresService {
  constructor(
    private readonly db: Database,
    private readonly scores: ReadinessScoresRepository,
    private readonly writes: AuditedWrites,
  ) {}

  async ranking(args: ReadinessRankingArgs): Promise<Page<ReadinessScore>> {
    const after = args.after ? decodeCursor(args.after, ['integer', 'text']) : null;
    const key: RankingKey | null = after ? [Number(after[0]), after[1]] : null;
    const { rows, count } = await this.scores.ranking(args.year, key, args.first + 1);
    return toPage(rows, args.first, (row) => [row.rank, row.countryIso3], key !== null, count);
  }

  record(input: RecordReadinessScoreInput, actor: AuditActor, tx?: Tx): Promise<ReadinessScore> {
    return this.db.within(tx, (tx) =>
      this.writes.create(tx, actor, { action: 'readinessScore.record', entityType: this.scores.entityType }, () =>
        this.scores
          .insert(tx, input.countryIso3.toUpperCase(), input.year, {
            rank: input.rank,
            ictRank: input.ictRank ?? null,
            skillsRank: input.skillsRank ?? null,
            rndRank: input.rndRank ?? null,
            industryRank: input.industryRank ?? null,
            financeRank: input.financeRank ?? null,
          })
          .catch(refused),
      ),
    );
  }

  update(id: string, input: UpdateReadinessScoreInput, actor: AuditActor, tx?: Tx): Promise<ReadinessScore> {
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.scores, id, 'readinessScore.update', () =>
        this.scores
          .update(tx, id, {
            rank: input.rank ?? undefined,
            ictRank: input.ictRank ?? undefined,
            skillsRank: input.skillsRank ?? undefined,
            rndRank: input.rndRank ?? undefined,
            industryRank: input.industryRank ?? undefined,
            financeRank: input.financeRank ?? undefined,
          })
          .catch(refused),
      ),
    );
  }
}
