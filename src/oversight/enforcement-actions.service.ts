import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import type { Principal } from '../common/access/principal.js';
import { todayUtc } from '../common/dates.js';
import { BadUserInputError, InvalidStateTransitionError, NotFoundError } from '../common/errors/app-errors.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { CompaniesService } from '../companies/companies.service.js';
import { Database } from '../database/database.js';
import type { Tx } from '../database/transaction.js';
import { DisclosureReadsService } from '../disclosures/disclosure-reads.service.js';
import type { EnforcementActionFilter, EnforcementActionsArgs } from './dto/enforcement-action.args.js';
import type { MoneyInput, RecordEnforcementActionInput } from './dto/enforcement-action.input.js';
import { EnforcementActionsRepository, type EnforcementActionRow } from './enforcement-actions.repository.js';
import { amountProblem, currencyOf } from './enforcement-penalty.js';
import { canMoveEnforcement } from './enforcement-status.js';
import { OversightScopeService } from './oversight-scope.service.js';
import { EnforcementKind, EnforcementStatus } from './oversight-terms.js';

/**
 * Enforcement actions: recorded by a regulator against a company (and optionally one of its systems or filings)
 * in its jurisdiction, then moved along their states by its staff. Every refusal comes before anything changes.
 */
@Injectable()
export class EnforcementActionsService {
  constructor(
    private readonly db: Database,
    private readonly actions: EnforcementActionsRepository,
    private readonly companies: CompaniesService,
    private readonly disclosures: DisclosureReadsService,
    private readonly scope: OversightScopeService,
    private readonly writes: AuditedWrites,
  ) {}

  async list(args: EnforcementActionsArgs): Promise<Page<EnforcementActionRow>> {
    const filter = lowerIds(args.filter ?? {});
    const rows = await this.actions.page(filter, args.first, args.after);
    return toPage(
      rows,
      args.first,
      (row) => [row.decidedOn, row.id],
      !!args.after,
      () => this.actions.count(filter),
    );
  }

  async find(id: string): Promise<EnforcementActionRow | null> {
    return (await this.actions.byIds([id.toLowerCase()]))[0];
  }

  async record(
    input: RecordEnforcementActionInput,
    principal: Principal,
    actor: AuditActor,
    tx?: Tx,
  ): Promise<EnforcementActionRow> {
    const regulator = await this.scope.actingRegulator(principal, input.regulatorId?.toLowerCase());
    const companyId = input.companyId.toLowerCase();
    const aiSystemId = input.aiSystemId?.toLowerCase() ?? null;
    const disclosureId = input.disclosureId?.toLowerCase() ?? null;
    checkDates(input);
    const penalty = checkedPenalty(input.kind, input.penalty ?? null);
    const [company] = await this.companies.byIds([companyId]);
    if (!company) throw BadUserInputError.field('input.companyId', 'names no company');
    if (aiSystemId) {
      const [system] = await this.companies.aiSystemsByIds([aiSystemId]);
      if (system?.companyId !== companyId) {
        throw BadUserInputError.field('input.aiSystemId', 'names no AI system of this company');
      }
    }
    if (disclosureId) {
      // As the regulator sees filings: a draft does not exist for them.
      const [filing] = await this.disclosures.byIds([disclosureId], principal);
      if (filing?.companyId !== companyId || (aiSystemId !== null && filing.aiSystemId !== aiSystemId)) {
        throw BadUserInputError.field(
          'input.disclosureId',
          aiSystemId ? 'names no filing of this company about this AI system' : 'names no filing of this company',
        );
      }
    }
    if (aiSystemId) await this.scope.requireSystem(regulator, aiSystemId);
    else await this.scope.requireCompany(regulator, companyId);
    return this.db.within(tx, (tx) =>
      this.writes.create(
        tx,
        actor,
        { action: 'enforcement_action.record', entityType: this.actions.entityType },
        async () => {
          const created = await this.actions.insert(tx, {
            regulatorId: regulator.id,
            jurisdiction: regulator.jurisdiction,
            companyId,
            aiSystemId,
            disclosureId,
            kind: input.kind,
            legalBasis: input.legalBasis.trim(),
            decidedOn: input.decidedOn,
            effectiveFrom: input.effectiveFrom,
            effectiveUntil: input.effectiveUntil ?? null,
            publicSummary: input.publicSummary.trim(),
            penaltyAmount: penalty?.amount ?? null,
            penaltyCurrency: penalty?.currency ?? null,
          });
          await this.actions.addHistory(tx, {
            actionId: created.id,
            from: null,
            to: created.status,
            reason: 'recorded',
            changedBy: actor.userId,
          });
          return created;
        },
      ),
    );
  }

  /** Moves an action to `to`, for the staff of the regulator that recorded it; checked under the row's lock. */
  async updateStatus(
    id: string,
    to: EnforcementStatus,
    reason: string,
    principal: Principal,
    actor: AuditActor,
    tx?: Tx,
  ): Promise<EnforcementActionRow> {
    const action = await this.find(id);
    if (!action) throw new NotFoundError('enforcement action', id);
    await this.scope.actingRegulator(principal, action.regulatorId);
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.actions, action.id, 'enforcement_action.update_status', async (before) => {
        if (!canMoveEnforcement(before.status, to)) {
          throw new InvalidStateTransitionError('enforcement action', before.status, to);
        }
        await this.actions.setStatus(tx, before.id, to);
        await this.actions.addHistory(tx, {
          actionId: before.id,
          from: before.status,
          to,
          reason: reason.trim(),
          changedBy: actor.userId,
        });
      }),
    );
  }
}

function checkDates(input: RecordEnforcementActionInput): void {
  if (input.decidedOn > todayUtc()) throw BadUserInputError.field('input.decidedOn', 'must not be in the future');
  if (input.effectiveUntil && input.effectiveUntil <= input.effectiveFrom) {
    throw BadUserInputError.field('input.effectiveUntil', 'must be after effectiveFrom');
  }
}

/** A penalty comes with a MONETARY_PENALTY and with nothing else; its amount must fit its currency. */
function checkedPenalty(kind: EnforcementKind, penalty: MoneyInput | null): MoneyInput | null {
  if (kind !== EnforcementKind.MONETARY_PENALTY) {
    if (penalty) throw BadUserInputError.field('input.penalty', 'is only for a MONETARY_PENALTY');
    return null;
  }
  if (!penalty) throw BadUserInputError.field('input.penalty', 'is required for a MONETARY_PENALTY');
  const currency = currencyOf(penalty.currency);
  if (!currency) throw BadUserInputError.field('input.penalty.currency', 'must be an ISO 4217 currency code');
  const problem = amountProblem(penalty.amount, currency);
  if (problem) throw BadUserInputError.field('input.penalty.amount', problem);
  return { amount: penalty.amount, currency: currency.code };
}

/** Ids as stored (a client may write a uuid in capitals), so that filters match them. */
function lowerIds(filter: EnforcementActionFilter): EnforcementActionFilter {
  return {
    ...filter,
    companyId: filter.companyId?.toLowerCase(),
    aiSystemId: filter.aiSystemId?.toLowerCase(),
    regulatorId: filter.regulatorId?.toLowerCase(),
  };
}
