import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/access/access.decorator.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { Actor } from '../common/access/current-principal.decorator.js';
import { Role } from '../common/access/role.js';
import type { GroupPeriod } from './country-groups.repository.js';
import { CountryGroupsService } from './country-groups.service.js';
import { AddGroupMemberArgs, EndGroupMembershipArgs } from './dto/group-membership.input.js';
import { GroupMembership } from './group-membership.entity.js';

@Resolver(() => GroupMembership)
export class GroupCurationResolver {
  constructor(private readonly groups: CountryGroupsService) {}

  @Mutation(() => GroupMembership, { description: 'Makes a party a member of a group from a date (curators).' })
  @Allow(Role.CURATOR, Role.ADMIN)
  addGroupMember(@Args() { input }: AddGroupMemberArgs, @Actor() actor: AuditActor): Promise<GroupPeriod> {
    return this.groups.addMember(input, actor);
  }

  @Mutation(() => GroupMembership, {
    description: "Ends a party's open membership of a group on a date, its first day out (curators).",
  })
  @Allow(Role.CURATOR, Role.ADMIN)
  endGroupMembership(@Args() { input }: EndGroupMembershipArgs, @Actor() actor: AuditActor): Promise<GroupMembership> {
    return this.groups.endMembership(input, actor);
  }
}
