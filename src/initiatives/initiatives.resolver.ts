import { Args, Context, Extensions, Int, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Allow, Public } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor } from '../common/access/current-principal.decorator.js';
import { Role } from '../common/access/role.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import type { RequestContext } from '../common/request-context.js';
import { ParticipantCountArgs } from './dto/analytics.args.js';
import { CreateInitiativeArgs, InitiativeLookupArgs, UpdateInitiativeArgs } from './dto/initiative.input.js';
import { InitiativeConnection } from './dto/initiative-connection.model.js';
import { InitiativesArgs } from './dto/initiatives.args.js';
import { ParticipationConnection } from './dto/participation-connection.model.js';
import { ParticipantsArgs } from './dto/timeline.args.js';
import { Initiative } from './initiative.entity.js';
import { InitiativesLoaders } from './initiatives.loaders.js';
import { InitiativesService } from './initiatives.service.js';
import type { Participation } from './participation.entity.js';

@Resolver(() => Initiative)
export class InitiativesResolver {
  constructor(
    private readonly registry: InitiativesService,
    private readonly loaders: InitiativesLoaders,
  ) {}

  @Query(() => InitiativeConnection, { description: 'Initiatives ordered by key, filtered and paginated.' })
  @Public()
  initiatives(@Args() args: InitiativesArgs): Promise<Page<Initiative>> {
    return this.registry.list(args);
  }

  @Query(() => Initiative, { nullable: true, description: 'One initiative by key; null when there is none.' })
  @Public()
  initiative(@Args() { key }: InitiativeLookupArgs): Promise<Initiative | null> {
    return this.registry.find(key);
  }

  @ResolveField(() => ParticipationConnection, {
    description: 'Participations in force on `asOf` as known at `knownAt`, by party code.',
  })
  async participants(
    @Root() initiative: Initiative,
    @Args() args: ParticipantsArgs,
    @Context() ctx: RequestContext,
  ): Promise<Page<Participation>> {
    const after = args.after ? (decodeCursor(args.after, ['text', 'uuid']) as [string, string]) : null;
    const at = { asOf: args.asOf ?? ctx.today, knownAt: args.knownAt ?? null };
    const rows = await this.loaders.participants(ctx.loaders, at, after, args.first + 1).load(initiative.id);
    return toPage(
      rows,
      args.first,
      (row) => [row.partyCode, row.id],
      after !== null,
      () => this.loaders.participantRows(ctx.loaders, at).load(initiative.id),
    );
  }

  @ResolveField(() => Int, { description: 'Distinct parties taking part on `asOf` as known at `knownAt`.' })
  @Extensions({ cost: 1 }) // a count query per distinct set of arguments
  participantCount(
    @Root() initiative: Initiative,
    @Args() args: ParticipantCountArgs,
    @Context() ctx: RequestContext,
  ): Promise<number> {
    const at = { asOf: args.asOf ?? ctx.today, knownAt: args.knownAt ?? null };
    return this.loaders.participantCount(ctx.loaders, at, args.unMembersOnly).load(initiative.id);
  }

  @Mutation(() => Initiative, { description: 'Adds an initiative (curators).' })
  @Allow(Role.CURATOR, Role.ADMIN)
  createInitiative(@Args() { input }: CreateInitiativeArgs, @Actor() actor: AuditActor): Promise<Initiative> {
    return this.registry.create(input, actor);
  }

  @Mutation(() => Initiative, { description: "Changes an initiative's details; its key never changes (curators)." })
  @Allow(Role.CURATOR, Role.ADMIN)
  updateInitiative(@Args() { key, input }: UpdateInitiativeArgs, @Actor() actor: AuditActor): Promise<Initiative> {
    return this.registry.update(key, input, actor);
  }
}
