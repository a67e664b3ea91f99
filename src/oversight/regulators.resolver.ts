import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AllowInScope, Public } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor } from '../common/access/current-principal.decorator.js';
import { Role } from '../common/access/role.js';
import { IdArgs } from '../common/graphql/id.args.js';
import type { Page } from '../common/pagination/connection.js';
import { PageArgs } from '../common/pagination/page-args.js';
import { RegulatorConnection } from './dto/regulator-connection.model.js';
import { CreateRegulatorArgs, UpdateRegulatorArgs } from './dto/regulator.input.js';
import { REGULATOR } from './regulator-scope.js';
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
  @AllowInScope([Role.REGULATOR, Role.ADMIN], { kind: REGULATOR, id: (args) => args.id })
  updateRegulator(@Args() { id, input }: UpdateRegulatorArgs, @Actor() actor: AuditActor): Promise<Regulator> {
    return this.authorities.update(id, input, actor);
  }
}
