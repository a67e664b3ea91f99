import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Allow, Public } from '../../common/access/access.decorator.js';
import type { AuditActor } from '../../common/access/audit-actor.js';
import { Actor } from '../../common/access/current-principal.decorator.js';
import { Role } from '../../common/access/role.js';
import type { RequestContext } from '../../common/request-context.js';
import { DisclosureTemplate } from './disclosure-template.entity.js';
import { DisclosureTemplatesLoaders } from './disclosure-templates.loaders.js';
import { DisclosureTemplatesService, MAX_LISTED_TEMPLATES } from './disclosure-templates.service.js';
import { PublishDisclosureTemplateArgs } from './dto/publish-template.input.js';
import { DisclosureTemplateArgs, DisclosureTemplatesArgs } from './dto/template.args.js';
import { templateId, type TemplateRecord } from './template-record.js';

@Resolver(() => DisclosureTemplate)
export class DisclosureTemplatesResolver {
  constructor(
    private readonly templates: DisclosureTemplatesService,
    private readonly loaders: DisclosureTemplatesLoaders,
  ) {}

  @Query(() => [DisclosureTemplate], {
    description: `Published templates (every key's versions, or one key's), by key then version; at most ${MAX_LISTED_TEMPLATES}.`,
  })
  @Public()
  disclosureTemplates(@Args() { key }: DisclosureTemplatesArgs): Promise<TemplateRecord[]> {
    return this.templates.list(key ?? null);
  }

  @Query(() => DisclosureTemplate, { nullable: true, description: 'One version of a template, the latest by default.' })
  @Public()
  disclosureTemplate(@Args() { key, version }: DisclosureTemplateArgs): Promise<TemplateRecord | null> {
    return this.templates.lookup(key, version ?? null);
  }

  @Mutation(() => DisclosureTemplate, {
    description:
      'Publishes a template version: the next one of its key (1 for a new key), or again a version no filing uses ' +
      '(it is replaced). A version a filing uses is a CONFLICT.',
  })
  @Allow(Role.ADMIN)
  publishDisclosureTemplate(
    @Args() { input }: PublishDisclosureTemplateArgs,
    @Actor() actor: AuditActor,
  ): Promise<TemplateRecord> {
    return this.templates.publish(input, actor);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether a filing (a draft included) uses this version: then it is frozen.',
  })
  inUse(@Root() template: TemplateRecord, @Context() ctx: RequestContext): Promise<boolean> {
    return this.loaders.inUse(ctx.loaders).load(templateId(template.key, template.version));
  }
}
