import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import type { AuditActor } from '../common/access/audit-actor.js';
import { IdArgs } from '../auth/dto/auth.inputs.js';
import { Membership } from '../auth/membership.entity.js';
import { Allow, AllowInScope, Public } from '../common/access/access.decorator.js';
import { Actor } from '../common/access/current-principal.decorator.js';
import { Role } from '../common/access/role.js';
import type { Page } from '../common/pagination/connection.js';
import { PageArgs } from '../common/pagination/page-args.js';
import type { RequestContext } from '../common/request-context.js';
import { CreateRegulatorArgs, RegulatorConnection, UpdateRegulatorArgs } from './dto/regulator.inputs.js';
import { Regulator } from './regulator.entity.js';
import { RegulatorsService } from './regulators.service.js';

@Resolver(() => Regulator)
export class RegulatorsResolver {
  constructor(private readonly authorities: RegulatorsService) {}

  @Query(() => RegulatorConnection, { description: 'Regulators, by name.' })
  @Public()
  regulators(@Args() args: PageArgs): Promise<Page<Regulator>> {
    return this.authorities.list(args);
  }

  @Query(() => Regulator, { nullable: true })
  @Public()
  async regulator(@Args() { id }: IdArgs): Promise<Regulator | null> {
    return (await this.authorities.byIds([id]))[0];
  }

  @Mutation(() => Regulator)
  @Allow(Role.ADMIN)
  createRegulator(@Args() { input }: CreateRegulatorArgs, @Actor() actor: AuditActor): Promise<Regulator> {
    return this.authorities.create(input, actor);
  }

  @Mutation(() => Regulator, { description: "Changes a regulator's details: its staff, or an admin." })
  @AllowInScope([Role.REGULATOR, Role.ADMIN], { kind: 'regulator', id: (args) => args.id })
  updateRegulator(@Args() { id, input }: UpdateRegulatorArgs, @Actor() actor: AuditActor): Promise<Regulator> {
    return this.authorities.update(id, input, actor);
  }
}

@Resolver(() => Membership)
export class MembershipRegulatorResolver {
  constructor(private readonly authorities: RegulatorsService) {}

  @ResolveField(() => Regulator, { nullable: true })
  async regulator(@Root() membership: Membership, @Context() ctx: RequestContext): Promise<Regulator | null> {
    if (!membership.regulatorId) return null;
    return ctx.loaders
      .get('regulator', (ids: readonly string[]) => this.authorities.byIds(ids))
      .load(membership.regulatorId);
  }
}
