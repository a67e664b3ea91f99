import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { BadUserInputError, ConflictError } from '../common/errors/app-errors.js';
import { Database } from '../database/database.js';
import { isExclusionViolation } from '../database/pg-errors.js';
import type { Tx } from '../database/transaction.js';
import { CountryGroupsRepository, type GroupPeriod } from './country-groups.repository.js';
import type { AddGroupMemberInput, EndGroupMembershipInput } from './dto/group-membership.input.js';
import type { GroupMembership } from './group-membership.entity.js';

/** Curation of dated group membership: a period is added from a date and ended on a date, never deleted. */
@Injectable()
export class CountryGroupsService {
  constructor(
    private readonly db: Database,
    private readonly groups: CountryGroupsRepository,
    private readonly writes: AuditedWrites,
  ) {}

  addMember(input: AddGroupMemberInput, actor: AuditActor, tx?: Tx): Promise<GroupPeriod> {
    const groupKey = input.groupKey.toUpperCase();
    const partyCode = input.partyCode.toUpperCase();
    return this.db.within(tx, async (tx) => {
      await this.checkGroupAndParty(tx, groupKey, partyCode);
      return this.writes.create(tx, actor, { action: 'group_membership.add', entityType: this.groups.entityType }, () =>
        this.groups
          .insertMembership(tx, { groupKey, partyCode, since: input.since, note: input.note?.trim() || null })
          .catch((error: unknown) => {
            if (isExclusionViolation(error)) {
              throw new ConflictError(`${partyCode} is already a member of ${groupKey} in a period that overlaps it`);
            }
            throw error;
          }),
      );
    });
  }

  /** Ends the party's open period on `until`; ending it again on the same day changes nothing. */
  endMembership(input: EndGroupMembershipInput, actor: AuditActor, tx?: Tx): Promise<GroupMembership> {
    const groupKey = input.groupKey.toUpperCase();
    const partyCode = input.partyCode.toUpperCase();
    return this.db.within(tx, async (tx) => {
      await this.checkGroupAndParty(tx, groupKey, partyCode);
      const period = await this.groups.latestPeriod(tx, groupKey, partyCode);
      if (!period || (period.until !== null && period.until !== input.until)) {
        throw BadUserInputError.field('input.partyCode', `has no open membership of ${groupKey}`);
      }
      if (period.since !== null && input.until <= period.since) {
        throw BadUserInputError.field('input.until', `must be after the membership began (${period.since})`);
      }
      return this.writes.update(tx, actor, this.groups, String(period.id), 'group_membership.end', () =>
        this.groups.endMembership(tx, period.id, input.until),
      );
    });
  }

  private async checkGroupAndParty(tx: Tx, groupKey: string, partyCode: string): Promise<void> {
    if (!(await this.groups.byKey(groupKey))) {
      throw BadUserInputError.field('input.groupKey', `names no country group: "${groupKey}"`);
    }
    if (!(await this.groups.partyExists(tx, partyCode))) {
      throw BadUserInputError.field('input.partyCode', `names no party: "${partyCode}"`);
    }
  }
}
