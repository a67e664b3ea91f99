import { Args, Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { PageArgs } from '../common/pagination/page-args.js';
import type { RequestContext } from '../common/request-context.js';
import { AISystem } from '../companies/ai-system.entity.js';
import { Company } from '../companies/company.entity.js';
import { EnforcementActionConnection } from './dto/enforcement-action.model.js';
import type { EnforcementActionRow } from './enforcement-actions.repository.js';
import { EnforcementLoaders, type EnforcementKey } from './enforcement.loaders.js';

/** A page of an owner's enforcement actions, batched over the owners of a list. */
async function actionsOf(
  loaders: EnforcementLoaders,
  owner: 'company' | 'aiSystem',
  id: string,
  args: PageArgs,
  ctx: RequestContext,
): Promise<Page<EnforcementActionRow>> {
  const after = args.after ? (decodeCursor(args.after, ['date', 'uuid']) as EnforcementKey) : null;
  const rows = await loaders.pageOf(ctx.loaders, owner, after, args.first + 1).load(id);
  return toPage(
    rows,
    args.first,
    (row) => [row.decidedOn, row.id],
    after !== null,
    () => loaders.countOf(ctx.loaders, owner).load(id),
  );
}

/** Company.enforcementActions: those against the company, about any of its systems or none. */
@Resolver(() => Company)
export class CompanyEnforcementResolver {
  constructor(private readonly loaders: EnforcementLoaders) {}

  @ResolveField(() => EnforcementActionConnection, {
    description: 'Enforcement actions against it (about any of its AI systems or none), newest decision first.',
  })
  enforcementActions(
    @Root() company: Company,
    @Args() args: PageArgs,
    @Context() ctx: RequestContext,
  ): Promise<Page<EnforcementActionRow>> {
    return actionsOf(this.loaders, 'company', company.id, args, ctx);
  }
}

@Resolver(() => AISystem)
export class AISystemEnforcementResolver {
  constructor(private readonly loaders: EnforcementLoaders) {}

  @ResolveField(() => EnforcementActionConnection, {
    description: 'Enforcement actions about it, newest decision first.',
  })
  enforcementActions(
    @Root() system: AISystem,
    @Args() args: PageArgs,
    @Context() ctx: RequestContext,
  ): Promise<Page<EnforcementActionRow>> {
    return actionsOf(this.loaders, 'aiSystem', system.id, args, ctx);
  }
}
