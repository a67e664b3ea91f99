import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import { OrganizationRole, RiskLevel } from '../companies/ai-system-terms.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import type { Principal } from '../common/access/principal.js';
import { Role } from '../common/access/role.js';
import { BadUserInputError, ForbiddenError, type FieldProblem } from '../common/errors/app-errors.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { CountriesService } from '../countries/countries.service.js';
import { Database } from '../database/database.js';
import type { Tx } from '../database/transaction.js';
import { DisclosureTemplatesService } from '../disclosures/templates/disclosure-templates.service.js';
import { InitiativesService } from '../initiatives/initiatives.service.js';
import type { DisclosureRequirement } from './disclosure-requirement.entity.js';
import type { DisclosureRequirementsArgs } from './dto/requirement.args.js';
import type { SetDisclosureRequirementInput } from './dto/requirement.input.js';
import { OversightScopeService } from './oversight-scope.service.js';
import {
  RequirementsRepository,
  type RequirementFields,
  type RequirementIssuer,
  type RequirementKey,
} from './requirements.repository.js';

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const RISK_ORDER = Object.values(RiskLevel);
const ROLE_ORDER = Object.values(OrganizationRole);

/** Each value once, in the enum's order: the stored form, so that a repeated set changes nothing. */
function canonical<T>(values: readonly T[], order: readonly T[]): T[] {
  return order.filter((value) => values.includes(value));
}

@Injectable()
export class RequirementsService {
  constructor(
    private readonly db: Database,
    private readonly requirements: RequirementsRepository,
    private readonly scope: OversightScopeService,
    private readonly initiatives: InitiativesService,
    private readonly templates: DisclosureTemplatesService,
    private readonly countries: CountriesService,
    private readonly writes: AuditedWrites,
  ) {}

  async list(args: DisclosureRequirementsArgs): Promise<Page<DisclosureRequirement>> {
    const after = args.after ? (decodeCursor(args.after, ['text', 'uuid']) as RequirementKey) : null;
    if (after && !DATE.test(after[0])) throw BadUserInputError.field('after', 'is not a cursor returned by this list');
    const search = {
      jurisdiction: args.filter?.jurisdiction?.toUpperCase(),
      initiativeKey: args.filter?.initiativeKey,
    };
    // A typo in a filter is an error, not an empty list.
    if (search.jurisdiction && (await this.countries.missingPartyCodes([search.jurisdiction])).length) {
      throw BadUserInputError.field('filter.jurisdiction', 'names no country or organisation');
    }
    if (search.initiativeKey && (await this.initiatives.missingKeys([search.initiativeKey])).length) {
      throw BadUserInputError.field('filter.initiativeKey', 'names no initiative');
    }
    const { rows, count } = await this.requirements.search(search, after, args.first + 1);
    return toPage(rows, args.first, (row) => [row.effectiveFrom, row.id], after !== null, count);
  }

  byIds(ids: readonly string[]): Promise<(DisclosureRequirement | null)[]> {
    return this.requirements.byIds(ids);
  }

  /**
   * Creates a requirement or, with `input.id`, replaces the fields of one. The caller must be its issuer: a
   * REGULATOR member of its regulator, or a CURATOR for an initiative's. Refusals come before any change.
   */
  async set(
    input: SetDisclosureRequirementInput,
    principal: Principal,
    actor: AuditActor,
    tx?: Tx,
  ): Promise<DisclosureRequirement> {
    if (input.regulatorId && input.initiativeKey) {
      throw BadUserInputError.field('input.initiativeKey', 'give a regulatorId or an initiativeKey, not both');
    }
    if (!input.id) {
      const issuer = await this.issuerOf(principal, input);
      const fields = await this.checkedFields(input);
      return this.db.within(tx, (tx) =>
        this.writes.create(
          tx,
          actor,
          { action: 'disclosureRequirement.create', entityType: this.requirements.entityType },
          () => this.requirements.insert(tx, issuer, fields, actor.userId),
        ),
      );
    }
    const id = input.id.toLowerCase();
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.requirements, id, 'disclosureRequirement.update', async (before) => {
        await this.requireIssuer(principal, before, input);
        const fields = await this.checkedFields(input);
        if (isDeepStrictEqual(fields, fieldsOf(before))) return;
        await this.requirements.update(tx, id, fields);
      }),
    );
  }

  /** Who issues a new requirement: the regulator the caller acts for, or (curators) the initiative named. */
  private async issuerOf(principal: Principal, input: SetDisclosureRequirementInput): Promise<RequirementIssuer> {
    if (input.initiativeKey) {
      if (!principal.roles.has(Role.CURATOR)) {
        throw new ForbiddenError('only curators attach requirements to initiatives');
      }
      const initiative = await this.initiatives.find(input.initiativeKey);
      if (!initiative) throw BadUserInputError.field('input.initiativeKey', 'names no initiative');
      return { regulatorId: null, jurisdiction: null, initiativeId: initiative.id };
    }
    const regulator = await this.scope.actingRegulator(principal, input.regulatorId?.toLowerCase());
    return { regulatorId: regulator.id, jurisdiction: regulator.jurisdiction, initiativeId: null };
  }

  /** The caller must be the requirement's issuer, and the input may not name another one. */
  private async requireIssuer(
    principal: Principal,
    requirement: DisclosureRequirement,
    input: SetDisclosureRequirementInput,
  ): Promise<void> {
    if (requirement.regulatorId) {
      await this.scope.actingRegulator(principal, requirement.regulatorId);
      if (input.initiativeKey || (input.regulatorId && input.regulatorId.toLowerCase() !== requirement.regulatorId)) {
        throw BadUserInputError.field(
          input.initiativeKey ? 'input.initiativeKey' : 'input.regulatorId',
          "is not this requirement's issuer, which never changes",
        );
      }
      return;
    }
    if (!principal.roles.has(Role.CURATOR)) {
      throw new ForbiddenError("only curators change an initiative's requirements");
    }
    if (input.regulatorId) {
      throw BadUserInputError.field('input.regulatorId', "is not this requirement's issuer, which never changes");
    }
    if (input.initiativeKey) {
      const initiative = await this.initiatives.find(input.initiativeKey);
      if (initiative?.id !== requirement.initiativeId) {
        throw BadUserInputError.field('input.initiativeKey', "is not this requirement's issuer, which never changes");
      }
    }
  }

  /** The fields as stored, once every rule on them holds; else BAD_USER_INPUT naming each offending field. */
  private async checkedFields(input: SetDisclosureRequirementInput): Promise<RequirementFields> {
    const templates = input.templates.map((template) => ({ key: template.key, minVersion: template.minVersion ?? 1 }));
    const problems: FieldProblem[] = [];
    const latest = await Promise.all(templates.map((template) => this.templates.latest(template.key)));
    templates.forEach((template, at) => {
      const field = `input.templates.${at}.key`;
      const stored = latest[at];
      if (templates.findIndex((other) => other.key === template.key) < at) {
        problems.push({ field, message: 'is listed twice' });
      } else if (!stored) {
        problems.push({ field, message: 'names no template' });
      } else if (stored.version < template.minVersion) {
        problems.push({
          field,
          message: `has no version ${template.minVersion} or later (the latest is ${stored.version})`,
        });
      }
    });
    if (input.effectiveUntil && input.effectiveUntil <= input.effectiveFrom) {
      problems.push({ field: 'input.effectiveUntil', message: 'must be after effectiveFrom' });
    }
    if (input.certificationScheme && !input.certificationRequired) {
      problems.push({ field: 'input.certificationScheme', message: 'is given only when certificationRequired' });
    }
    if (problems.length) throw new BadUserInputError(problems);
    return {
      title: input.title.trim(),
      regime: input.regime,
      riskLevels: canonical(input.riskLevels, RISK_ORDER),
      organizationRoles: canonical(input.organizationRoles, ROLE_ORDER),
      templates,
      certificationRequired: input.certificationRequired,
      certificationScheme: input.certificationScheme?.trim() || null,
      effectiveFrom: input.effectiveFrom,
      effectiveUntil: input.effectiveUntil ?? null,
    };
  }
}

function fieldsOf(requirement: DisclosureRequirement): RequirementFields {
  return {
    title: requirement.title,
    regime: requirement.regime,
    riskLevels: requirement.riskLevels,
    organizationRoles: requirement.organizationRoles,
    templates: requirement.templates.map((template) => ({ key: template.key, minVersion: template.minVersion })),
    certificationRequired: requirement.certificationRequired,
    certificationScheme: requirement.certificationScheme,
    effectiveFrom: requirement.effectiveFrom,
    effectiveUntil: requirement.effectiveUntil,
  };
}
