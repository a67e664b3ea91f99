import { Args, Extensions, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Public } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor } from '../common/access/current-principal.decorator.js';
import { Role } from '../common/access/role.js';
import type { Page } from '../common/pagination/connection.js';
import { RecordNationalAiStrategyArgs, UpdateNationalAiStrategyArgs } from './dto/national-ai-strategy.input.js';
import { NationalAiStrategyConnection } from './dto/policy-connections.model.js';
import { NationalAiStrategiesArgs } from './dto/policy-lists.args.js';
import { StrategyAdoptionArgs } from './dto/strategy-adoption.args.js';
import { StrategyAdoption } from './dto/strategy-adoption.model.js';
import { NationalAiStrategiesService } from './national-ai-strategies.service.js';
import { NationalAiStrategy } from './national-ai-strategy.entity.js';

@Resolver(() => NationalAiStrategy)
export class NationalAiStrategiesResolver {
  constructor(private readonly strategies: NationalAiStrategiesService) {}

  @Query(() => NationalAiStrategyConnection, { description: 'National AI strategies by year, party and title.' })
  @Public()
  nationalAiStrategies(@Args() args: NationalAiStrategiesArgs): Promise<Page<NationalAiStrategy>> {
    return this.strategies.list(args);
  }

  @Query(() => [StrategyAdoption], {
    description:
      'Per group (in the order given) and year: member countries on 31 December and how many had released a ' +
      'national AI strategy by then (Figure 11 of the UNCTAD Technology and Innovation Report 2025).',
  })
  @Extensions({ listSize: 50 })
  @Public()
  strategyAdoption(@Args() args: StrategyAdoptionArgs): Promise<StrategyAdoption[]> {
    return this.strategies.adoption(args);
  }

  @Mutation(() => NationalAiStrategy, { description: 'Records a national AI strategy: curators.' })
  @Allow(Role.CURATOR, Role.ADMIN)
  recordNationalAiStrategy(
    @Args() { input }: RecordNationalAiStrategyArgs,
    @Actor() actor: AuditActor,
  ): Promise<NationalAiStrategy> {
    return this.strategies.record(input, actor);
  }

  @Mutation(() => NationalAiStrategy, { description: 'Corrects a national AI strategy: curators.' })
  @Allow(Role.CURATOR, Role.ADMIN)
  updateNationalAiStrategy(
    @Args() { id, input }: UpdateNationalAiStrategyArgs,
    @Actor() actor: AuditActor,
  ): Promise<NationalAiStrategy> {
    return this.strategies.update(id, input, actor);
  }
}
