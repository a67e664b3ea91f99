import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Public } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor } from '../common/access/current-principal.decorator.js';
import { Role } from '../common/access/role.js';
import type { Page } from '../common/pagination/connection.js';
import { ReadinessScoreConnection } from './dto/policy-connections.model.js';
import { ReadinessRankingArgs } from './dto/policy-lists.args.js';
import { RecordReadinessScoreArgs, UpdateReadinessScoreArgs } from './dto/readiness-score.input.js';
import { ReadinessScore } from './readiness-score.entity.js';
import { ReadinessScoresService } from './readiness-scores.service.js';

@Resolver(() => ReadinessScore)
export class ReadinessScoresResolver {
  constructor(private readonly scores: ReadinessScoresService) {}

  @Query(() => ReadinessScoreConnection, {
    description:
      'The Frontier Technologies Readiness Index of one year, in rank order; empty for a year without scores.',
  })
  @Public()
  readinessRanking(@Args() args: ReadinessRankingArgs): Promise<Page<ReadinessScore>> {
    return this.scores.ranking(args);
  }

  @Mutation(() => ReadinessScore, { description: "Records a country's readiness ranks for a year: curators." })
  @Allow(Role.CURATOR, Role.ADMIN)
  recordReadinessScore(
    @Args() { input }: RecordReadinessScoreArgs,
    @Actor() actor: AuditActor,
  ): Promise<ReadinessScore> {
    return this.scores.record(input, actor);
  }

  @Mutation(() => ReadinessScore, { description: "Corrects a country's readiness ranks: curators." })
  @Allow(Role.CURATOR, Role.ADMIN)
  updateReadinessScore(
    @Args() { id, input }: UpdateReadinessScoreArgs,
    @Actor() actor: AuditActor,
  ): Promise<ReadinessScore> {
    return this.scores.update(id, input, actor);
  }
}
