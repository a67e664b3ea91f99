import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Public } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor } from '../common/access/current-principal.decorator.js';
import { Role } from '../common/access/role.js';
import type { Page } from '../common/pagination/connection.js';
import { PolicyInstrumentConnection } from './dto/policy-connections.model.js';
import { RecordPolicyInstrumentArgs, UpdatePolicyInstrumentArgs } from './dto/policy-instrument.input.js';
import { PolicyInstrumentsArgs } from './dto/policy-lists.args.js';
import { PolicyInstrument } from './policy-instrument.entity.js';
import { PolicyInstrumentsService } from './policy-instruments.service.js';

@Resolver(() => PolicyInstrument)
export class PolicyInstrumentsResolver {
  constructor(private readonly instruments: PolicyInstrumentsService) {}

  @Query(() => PolicyInstrumentConnection, { description: 'AI policy instruments by party and title.' })
  @Public()
  policyInstruments(@Args() args: PolicyInstrumentsArgs): Promise<Page<PolicyInstrument>> {
    return this.instruments.list(args);
  }

  @Mutation(() => PolicyInstrument, { description: 'Records an AI policy instrument: curators.' })
  @Allow(Role.CURATOR, Role.ADMIN)
  recordPolicyInstrument(
    @Args() { input }: RecordPolicyInstrumentArgs,
    @Actor() actor: AuditActor,
  ): Promise<PolicyInstrument> {
    return this.instruments.record(input, actor);
  }

  @Mutation(() => PolicyInstrument, { description: 'Corrects an AI policy instrument: curators.' })
  @Allow(Role.CURATOR, Role.ADMIN)
  updatePolicyInstrument(
    @Args() { id, input }: UpdatePolicyInstrumentArgs,
    @Actor() actor: AuditActor,
  ): Promise<PolicyInstrument> {
    return this.instruments.update(id, input, actor);
  }
}
