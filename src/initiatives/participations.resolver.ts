import { Args, Context, Mutation, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Allow } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor } from '../common/access/current-principal.decorator.js';
import { Role } from '../common/access/role.js';
import type { RequestContext } from '../common/request-context.js';
import { CountriesLoaders } from '../countries/countries.loaders.js';
import { Party } from '../countries/party.entity.js';
import { EndParticipationArgs, RecordParticipationArgs, RetractParticipationArgs } from './dto/participation.input.js';
import { ImportParticipationsArgs, ParticipationImportResult } from './dto/participation-import.model.js';
import { Initiative } from './initiative.entity.js';
import { InitiativesLoaders } from './initiatives.loaders.js';
import { Participation } from './participation.entity.js';
import { ParticipationImportService } from './participation-import.service.js';
import { ParticipationsService } from './participations.service.js';

@Resolver(() => Participation)
export class ParticipationsResolver {
  constructor(
    private readonly participations: ParticipationsService,
    private readonly imports: ParticipationImportService,
    private readonly loaders: InitiativesLoaders,
    private readonly countries: CountriesLoaders,
  ) {}

  @ResolveField(() => Party)
  async party(@Root() participation: Participation, @Context() ctx: RequestContext): Promise<Party> {
    return (await this.countries.partyByCode(ctx.loaders).load(participation.partyCode))!;
  }

  @ResolveField(() => Initiative)
  async initiative(@Root() participation: Participation, @Context() ctx: RequestContext): Promise<Initiative> {
    return (await this.loaders.initiativeById(ctx.loaders).load(participation.initiativeId))!;
  }

  @Mutation(() => Participation, {
    description:
      'Records that a party takes part in an initiative, with its source (curators). With correctsId, the row it corrects is retracted in the same change.',
  })
  @Allow(Role.CURATOR, Role.ADMIN)
  recordParticipation(@Args() { input }: RecordParticipationArgs, @Actor() actor: AuditActor): Promise<Participation> {
    return this.participations.record(input, actor);
  }

  @Mutation(() => Participation, {
    description: 'Ends a participation on a date: the row is retracted and replaced by one with its end (curators).',
  })
  @Allow(Role.CURATOR, Role.ADMIN)
  endParticipation(@Args() { input }: EndParticipationArgs, @Actor() actor: AuditActor): Promise<Participation> {
    return this.participations.end(input, actor);
  }

  @Mutation(() => Participation, {
    description: 'Withdraws a row the registry no longer believes, with the reason; nothing is deleted (curators).',
  })
  @Allow(Role.CURATOR, Role.ADMIN)
  retractParticipation(@Args() args: RetractParticipationArgs, @Actor() actor: AuditActor): Promise<Participation> {
    return this.participations.retract(args, actor);
  }

  @Mutation(() => ParticipationImportResult, {
    description:
      'Imports participation from a CSV file in the exchange format (curators). The whole file is checked first: with any bad row nothing is imported and every problem is listed by line and column. Rows identical to a live row are skipped, so importing a file twice changes nothing.',
  })
  @Allow(Role.CURATOR, Role.ADMIN)
  importParticipations(
    @Args() { csv }: ImportParticipationsArgs,
    @Actor() actor: AuditActor,
  ): Promise<ParticipationImportResult> {
    return this.imports.import(csv, actor);
  }
}
