import { Args, Context, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { PageArgs } from '../common/pagination/page-args.js';
import type { RequestContext } from '../common/request-context.js';
import { AISystem } from '../companies/ai-system.entity.js';
import { Company } from '../companies/company.entity.js';
import { CertificationsLoaders, type CertificationKey } from './certifications.loaders.js';
import type { CertificationRow } from './certifications.repository.js';
import { CertificationConnection } from './dto/certification.model.js';

const DESCRIPTION = 'Its certifications, latest expiry first.';

/** A page of an owner's certifications, batched over the owners of a list. */
async function certificationsOf(
  loaders: CertificationsLoaders,
  owner: 'company' | 'aiSystem',
  id: string,
  args: PageArgs,
  ctx: RequestContext,
): Promise<Page<CertificationRow>> {
  const after = args.after ? (decodeCursor(args.after, ['date', 'uuid']) as CertificationKey) : null;
  const rows = await loaders.pageOf(ctx.loaders, owner, after, args.first + 1).load(id);
  return toPage(
    rows,
    args.first,
    (row) => [row.expiresOn, row.id],
    after !== null,
    () => loaders.countOf(ctx.loaders, owner).load(id),
  );
}

/** Company.certifications: those of the company as a whole and of its AI systems. */
@Resolver(() => Company)
export class CompanyCertificationsResolver {
  constructor(private readonly loaders: CertificationsLoaders) {}

  @ResolveField(() => CertificationConnection, { description: `${DESCRIPTION} Includes its AI systems'.` })
  certifications(
    @Root() company: Company,
    @Args() args: PageArgs,
    @Context() ctx: RequestContext,
  ): Promise<Page<CertificationRow>> {
    return certificationsOf(this.loaders, 'company', company.id, args, ctx);
  }
}

@Resolver(() => AISystem)
export class AISystemCertificationsResolver {
  constructor(private readonly loaders: CertificationsLoaders) {}

  @ResolveField(() => CertificationConnection, { description: DESCRIPTION })
  certifications(
    @Root() system: AISystem,
    @Args() args: PageArgs,
    @Context() ctx: RequestContext,
  ): Promise<Page<CertificationRow>> {
    return certificationsOf(this.loaders, 'aiSystem', system.id, args, ctx);
  }
}
