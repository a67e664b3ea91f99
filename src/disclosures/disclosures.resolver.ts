import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Allow, AllowInScope, Public } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor, CurrentPrincipal } from '../common/access/current-principal.decorator.js';
import type { Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { IdArgs } from '../common/graphql/id.args.js';
import { selectedFields } from '../common/graphql/selection.js';
import type { Page } from '../common/pagination/connection.js';
import { COMPANY } from '../companies/company-scope.js';
import { DisclosureLedgerService } from './disclosure-ledger.service.js';
import { DisclosureReadsService } from './disclosure-reads.service.js';
import type { DraftRow, ListedDisclosure } from './disclosure-search.repository.js';
import { DisclosuresService } from './disclosures.service.js';
import type { DisclosureRow } from './disclosures.repository.js';
import {
  AccessionNumberArgs,
  CompanyDraftsArgs,
  CompanyIdArgs,
  DisclosureArgs,
  DisclosureDiffArgs,
  DisclosuresArgs,
} from './dto/disclosure.args.js';
import { AmendDisclosureArgs, CreateDisclosureDraftArgs, UpdateDisclosureDraftArgs } from './dto/disclosure.input.js';
import { DisclosureChange, DisclosureConnection, DisclosureView, LedgerVerification } from './dto/disclosure.model.js';
import type { LedgerVerdict } from './ledger/ledger-verifier.js';

@Resolver(() => DisclosureView)
export class DisclosuresResolver {
  constructor(
    private readonly filings: DisclosuresService,
    private readonly reads: DisclosureReadsService,
    private readonly ledger: DisclosureLedgerService,
  ) {}

  @Query(() => DisclosureConnection, {
    description:
      'Submitted filings (never drafts), newest first, or by relevance with `filter.text`; content as the public sees it.',
  })
  @Public()
  disclosures(@Args() args: DisclosuresArgs, @Info() info: GraphQLResolveInfo): Promise<Page<ListedDisclosure>> {
    const withContent = selectedFields(info, ['edges', 'node']).some((field) => field.name.value === 'content');
    return this.reads.list(args, withContent);
  }

  @Query(() => DisclosureView, {
    nullable: true,
    description: 'One filing by id or accession number; a draft only for its company’s filers.',
  })
  @Public()
  disclosure(
    @Args() args: DisclosureArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<DisclosureRow | null> {
    return this.reads.one(args, principal);
  }

  @Query(() => [DisclosureView], {
    description: 'A filing’s amendment chain: the original, then its amendments as filed.',
  })
  @Public()
  disclosureHistory(
    @Args() { accessionNumber }: AccessionNumberArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<DisclosureRow[]> {
    return this.reads.history(accessionNumber, principal);
  }

  @Query(() => [DisclosureChange], { description: 'The fields that differ between two filings, by JSON Pointer.' })
  @Public()
  disclosureDiff(
    @Args() { fromId, toId }: DisclosureDiffArgs,
    @CurrentPrincipal() principal: Principal | null,
  ): Promise<DisclosureChange[]> {
    return this.reads.diff(fromId, toId, principal);
  }

  @Query(() => LedgerVerification, {
    description: 'Recomputes every hash and link of a company’s filings; names the first that does not match.',
  })
  @Public()
  verifyLedger(@Args() { companyId }: CompanyIdArgs): Promise<LedgerVerdict> {
    return this.ledger.verify(companyId);
  }

  @Query(() => DisclosureConnection, { description: 'A company’s drafts, newest first: its filers only.' })
  @AllowInScope([Role.FILER], { kind: COMPANY, id: (args) => args.companyId })
  disclosureDrafts(@Args() args: CompanyDraftsArgs): Promise<Page<DraftRow>> {
    return this.reads.drafts(args);
  }

  @Mutation(() => DisclosureView, { description: 'Opens a draft filing for one of the company’s AI systems.' })
  @Allow(Role.FILER)
  createDisclosureDraft(
    @Args() { input }: CreateDisclosureDraftArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<DisclosureRow> {
    return this.filings.createDraft(input, principal, actor);
  }

  @Mutation(() => DisclosureView, { description: 'Replaces a draft’s content or confidential marks.' })
  @Allow(Role.FILER)
  updateDisclosureDraft(
    @Args() { id, input }: UpdateDisclosureDraftArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<DisclosureRow> {
    return this.filings.updateDraft(id, input, principal, actor);
  }

  @Mutation(() => DisclosureView, { description: 'Gives up a draft (it is kept, WITHDRAWN, never filed).' })
  @Allow(Role.FILER)
  withdrawDraft(
    @Args() { id }: IdArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<DisclosureRow> {
    return this.filings.withdrawDraft(id, principal, actor);
  }

  @Mutation(() => DisclosureView, {
    description: 'Files a complete draft: accession number, content hash and its place in the company’s ledger.',
  })
  @Allow(Role.FILER)
  submitDisclosure(
    @Args() { id }: IdArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<DisclosureRow> {
    return this.filings.submit(id, principal, actor);
  }

  @Mutation(() => DisclosureView, {
    description: 'A new draft amending a filing, pre-filled from the latest version; it points to the original.',
  })
  @Allow(Role.FILER)
  amendDisclosure(
    @Args() { originalId, type, reason }: AmendDisclosureArgs,
    @CurrentPrincipal() principal: Principal,
    @Actor() actor: AuditActor,
  ): Promise<DisclosureRow> {
    return this.filings.amend(originalId, type, reason, principal, actor);
  }
}
