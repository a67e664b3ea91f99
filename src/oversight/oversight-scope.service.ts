import { Injectable } from '@nestjs/common';
import { isMemberOf, type Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { BadUserInputError, ForbiddenError } from '../common/errors/app-errors.js';
import { todayUtc } from '../common/dates.js';
import { OversightScopeRepository } from './oversight-scope.repository.js';
import { REGULATOR } from './regulator-scope.js';
import type { Regulator } from './regulator.entity.js';
import { RegulatorsRepository } from './regulators.repository.js';

/**
 * Who acts for which regulator, and what is in a regulator's jurisdiction. Every oversight change starts here:
 * a refusal is FORBIDDEN and happens before anything changes.
 */
@Injectable()
export class OversightScopeService {
  constructor(
    private readonly regulators: RegulatorsRepository,
    private readonly scope: OversightScopeRepository,
  ) {}

  /**
   * The regulator `principal` acts for: the one named (they must be a REGULATOR member of it), or their only
   * regulator when none is named. FORBIDDEN otherwise.
   */
  async actingRegulator(principal: Principal, regulatorId?: string | null): Promise<Regulator> {
    if (!principal.roles.has(Role.REGULATOR)) throw new ForbiddenError('only regulators may do this');
    let id = regulatorId ?? null;
    if (!id) {
      const prefix = `${REGULATOR}:`;
      const mine = [...principal.memberships].filter((key) => key.startsWith(prefix));
      if (mine.length === 0) throw new ForbiddenError('you act for no regulator');
      if (mine.length > 1) throw BadUserInputError.field('regulatorId', 'you act for several regulators: name one');
      id = mine[0].slice(prefix.length);
    }
    if (!isMemberOf(principal, REGULATOR, id)) throw new ForbiddenError('you do not act for this regulator');
    const [regulator] = await this.regulators.byIds([id]);
    if (!regulator) throw new ForbiddenError('you do not act for this regulator');
    return regulator;
  }

  async requireSystem(regulator: Regulator, aiSystemId: string, onDate = todayUtc()): Promise<void> {
    if (!(await this.scope.systemInScope(aiSystemId, regulator.jurisdiction, onDate))) {
      throw new ForbiddenError(`the AI system is not deployed in ${regulator.jurisdiction}`);
    }
  }

  async requireDisclosure(regulator: Regulator, disclosureId: string, onDate = todayUtc()): Promise<void> {
    if (!(await this.scope.disclosureInScope(disclosureId, regulator.jurisdiction, onDate))) {
      throw new ForbiddenError(`the disclosure is about no AI system deployed in ${regulator.jurisdiction}`);
    }
  }

  async requireCompany(regulator: Regulator, companyId: string, onDate = todayUtc()): Promise<void> {
    if (!(await this.scope.companyInScope(companyId, regulator.jurisdiction, onDate))) {
      throw new ForbiddenError(`the company is neither incorporated nor deploying in ${regulator.jurisdiction}`);
    }
  }

  /** The regulators `principal` is a REGULATOR member of, for read access (confidential fields in scope). */
  regulatorIdsOf(principal: Principal | null | undefined): string[] {
    if (!principal?.roles.has(Role.REGULATOR)) return [];
    const prefix = `${REGULATOR}:`;
    return [...principal.memberships].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
  }

  /**
   * For a batch of systems: whether `principal` acts for a regulator whose jurisdiction covers each on `onDate`
   * (read access: confidential fields, findings, audit events). No query for a caller who acts for none.
   */
  async oversees(
    principal: Principal | null | undefined,
    aiSystemIds: readonly string[],
    onDate = todayUtc(),
  ): Promise<boolean[]> {
    const regulatorIds = this.regulatorIdsOf(principal);
    if (!regulatorIds.length) return aiSystemIds.map(() => false);
    return this.scope.systemsOverseen(aiSystemIds, regulatorIds, onDate);
  }

  systemsInScope(aiSystemIds: readonly string[], jurisdiction: string, onDate = todayUtc()): Promise<boolean[]> {
    return this.scope.systemsInScope(aiSystemIds, jurisdiction, onDate);
  }
}
