import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { isMemberOf, type Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { BadUserInputError, ConflictError, ForbiddenError } from '../common/errors/app-errors.js';
import { CountriesService } from '../countries/countries.service.js';
import { Database } from '../database/database.js';
import { isCheckViolation, isForeignKeyViolation, isUniqueViolation } from '../database/pg-errors.js';
import type { Tx } from '../database/transaction.js';
import type { AISystem } from './ai-system.entity.js';
import { AISystemsRepository, type AISystemFields, type AISystemRecord } from './ai-systems.repository.js';
import { COMPANY } from './company-scope.js';
import type { RegisterAISystemInput, UpdateAISystemInput } from './dto/ai-system.input.js';

/** The database's last word on an AI system, as the caller's error; anything else is rethrown. */
function refused(error: unknown): never {
  if (isUniqueViolation(error, 'UQ_ai_system_company_name')) {
    throw ConflictError.field('input.name', 'is the name of another AI system of this company');
  }
  if (isForeignKeyViolation(error)) {
    // The jurisdictions were checked just before; a company that does not exist is what remains.
    throw BadUserInputError.field('input.companyId', 'names no company');
  }
  if (isCheckViolation(error)) throw BadUserInputError.field('input', 'holds a value the registry cannot store');
  throw error;
}

@Injectable()
export class AISystemsService {
  constructor(
    private readonly db: Database,
    private readonly systems: AISystemsRepository,
    private readonly countries: CountriesService,
    private readonly writes: AuditedWrites,
  ) {}

  async find(id: string): Promise<AISystem | null> {
    return (await this.systems.byIds([id.toLowerCase()]))[0];
  }

  /** Registers a system of `input.companyId` (the access rule has checked that the caller may act for it). */
  async register(input: RegisterAISystemInput, actor: AuditActor, tx?: Tx): Promise<AISystemRecord> {
    const jurisdictions = await this.checkedJurisdictions(input.jurisdictions);
    const fields = systemFields(input);
    return this.db.within(tx, (tx) =>
      this.writes.create(tx, actor, { action: 'aiSystem.register', entityType: this.systems.entityType }, async () => {
        const system = await this.systems.insert(tx, input.companyId.toLowerCase(), fields).catch(refused);
        await this.systems.replaceDeployments(tx, system.id, jurisdictions);
        return { ...system, jurisdictions };
      }),
    );
  }

  /**
   * Changes the fields given, for a member of the system's company (or an admin): the company is known only once
   * the system is read, so this is checked here, under the row's lock, before anything changes.
   */
  async update(
    id: string,
    input: UpdateAISystemInput,
    principal: Principal,
    actor: AuditActor,
    tx?: Tx,
  ): Promise<AISystemRecord> {
    const jurisdictions = input.jurisdictions ? await this.checkedJurisdictions(input.jurisdictions) : undefined;
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.systems, id.toLowerCase(), 'aiSystem.update', async (before) => {
        if (!principal.roles.has(Role.ADMIN) && !isMemberOf(principal, COMPANY, before.companyId)) {
          throw new ForbiddenError('you are not a member of the company of this AI system');
        }
        const current = systemFields(before);
        const after = systemFields({ ...current, ...definedFields(input) });
        const moved = jurisdictions !== undefined && !isDeepStrictEqual(jurisdictions, before.jurisdictions);
        if (!moved && isDeepStrictEqual(after, current)) return;
        await this.systems.update(tx, before.id, after).catch(refused);
        if (moved) await this.systems.replaceDeployments(tx, before.id, jurisdictions);
      }),
    );
  }

  /** Upper-cased, de-duplicated and sorted party codes, each naming a party; else BAD_USER_INPUT naming them. */
  private async checkedJurisdictions(codes: readonly string[]): Promise<string[]> {
    const unique = [...new Set(codes.map((code) => code.toUpperCase()))].sort();
    const missing = await this.countries.missingPartyCodes(unique);
    if (missing.length) {
      throw BadUserInputError.field('input.jurisdictions', `names no country or organisation: ${missing.join(', ')}`);
    }
    return unique;
  }
}

/** The fields of a system as stored: text trimmed. */
function systemFields(fields: AISystemFields): AISystemFields {
  return {
    name: fields.name.trim(),
    purpose: fields.purpose.trim(),
    riskLevel: fields.riskLevel,
    organizationRole: fields.organizationRole,
    lifecycleStage: fields.lifecycleStage,
  };
}

/** The fields an update gives: those left out or null keep their value. */
function definedFields(input: UpdateAISystemInput): Partial<AISystemFields> {
  return Object.fromEntries(
    (['name', 'purpose', 'riskLevel', 'organizationRole', 'lifecycleStage'] as const)
      .filter((key) => input[key] != null)
      .map((key) => [key, input[key]]),
  );
}
