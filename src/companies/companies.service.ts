import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import { OrganizationsService } from '../auth/organizations.service.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { BadUserInputError, ConflictError } from '../common/errors/app-errors.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { CountriesService } from '../countries/countries.service.js';
import { Database } from '../database/database.js';
import { isCheckViolation, isForeignKeyViolation, isUniqueViolation } from '../database/pg-errors.js';
import type { Tx } from '../database/transaction.js';
import type { AISystem } from './ai-system.entity.js';
import { AISystemsRepository } from './ai-systems.repository.js';
import { CompaniesRepository, type CompanyFields, type CompanyKey } from './companies.repository.js';
import { COMPANY } from './company-scope.js';
import type { Company } from './company.entity.js';
import type { CompaniesArgs, CompanyLookupArgs } from './dto/companies.args.js';
import { normalizeWebsite } from './dto/company-fields.js';
import type { RegisterCompanyInput, UpdateCompanyInput } from './dto/company.input.js';
import { normalizeLei } from './lei.js';

/** The database's last word on a company's fields, as the caller's error; anything else is rethrown. */
function refused(error: unknown): never {
  if (isUniqueViolation(error, 'UQ_company_lei')) {
    throw ConflictError.field('input.lei', 'is the LEI of another registered company');
  }
  if (isForeignKeyViolation(error)) throw BadUserInputError.field('input.countryIso3', 'names no country');
  if (isCheckViolation(error)) throw BadUserInputError.field('input', 'holds a value the registry cannot store');
  throw error;
}

/** A nullable text field of an update: left out keeps `current`, null clears it, a value is normalised. */
function updated<T>(given: string | null | undefined, current: T, normalize: (value: string) => string) {
  if (given === undefined) return current;
  return given === null ? null : normalize(given);
}

const trim = (text: string) => text.trim();

@Injectable()
export class CompaniesService {
  constructor(
    private readonly db: Database,
    private readonly companies: CompaniesRepository,
    private readonly aiSystems: AISystemsRepository,
    private readonly organizations: OrganizationsService,
    private readonly countries: CountriesService,
    private readonly writes: AuditedWrites,
  ) {}

  async list(args: CompaniesArgs): Promise<Page<Company>> {
    const filter = args.filter ?? {};
    const country = filter.country?.toUpperCase();
    // A typo in a country is an error, not an empty list.
    if (country && (await this.countries.missingPartyCodes([country])).length) {
      throw BadUserInputError.field('filter.country', 'names no country');
    }
    const after = args.after ? (decodeCursor(args.after, ['text', 'uuid']) as CompanyKey) : null;
    const search = { country, sector: filter.sector?.trim(), text: filter.text?.trim() };
    const { rows, count } = await this.companies.search(search, after, args.first + 1);
    return toPage(rows, args.first, (row) => [row.name, row.id], after !== null, count);
  }

  /** One company by id or by LEI (exactly one of them); null when there is none. */
  async find({ id, lei }: CompanyLookupArgs): Promise<Company | null> {
    if ((id == null) === (lei == null))
      throw BadUserInputError.field(id == null ? 'id' : 'lei', 'give exactly one of id and lei');
    if (lei != null) return this.companies.byLei(normalizeLei(lei));
    return (await this.companies.byIds([id!.toLowerCase()]))[0];
  }

  byIds(ids: readonly string[]): Promise<(Company | null)[]> {
    return this.companies.byIds(ids);
  }

  /** AI systems by id, for the modules above (a disclosure's system); null for an unknown id. */
  aiSystemsByIds(ids: readonly string[]): Promise<(AISystem | null)[]> {
    return this.aiSystems.byIds(ids);
  }

  /** Where each AI system is deployed (party codes, sorted), in the order of `aiSystemIds`. */
  jurisdictionsOf(aiSystemIds: readonly string[]): Promise<string[][]> {
    return this.aiSystems.jurisdictionsOf(aiSystemIds);
  }

  /** Registers a company; a filer who registers it becomes its member in the same transaction. */
  register(input: RegisterCompanyInput, actor: AuditActor, addActorAsMember: boolean, tx?: Tx): Promise<Company> {
    const memberUserIds = addActorAsMember && actor.userId ? [actor.userId] : [];
    const fields: CompanyFields = {
      name: input.name.trim(),
      lei: input.lei == null ? null : normalizeLei(input.lei),
      sector: input.sector?.trim() ?? null,
      website: input.website == null ? null : normalizeWebsite(input.website),
    };
    return this.db.within(tx, (tx) =>
      this.writes.create(
        tx,
        actor,
        { action: 'company.register', entityType: this.companies.entityType },
        async () => {
          const id = await this.organizations.register(tx, COMPANY);
          const company = await this.companies
            .insert(tx, { id, countryIso3: input.countryIso3.toUpperCase(), ...fields })
            .catch(refused);
          for (const userId of memberUserIds) await this.organizations.addMember(tx, id, userId);
          return company;
        },
        (company) => ({ ...company, memberUserIds }),
      ),
    );
  }

  /** Changes the fields given; a change to what they already hold records nothing. */
  update(id: string, input: UpdateCompanyInput, actor: AuditActor, tx?: Tx): Promise<Company> {
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.companies, id, 'company.update', async (before) => {
        const after: CompanyFields = {
          name: input.name?.trim() ?? before.name,
          lei: updated(input.lei, before.lei, normalizeLei),
          sector: updated(input.sector, before.sector, trim),
          website: updated(input.website, before.website, normalizeWebsite),
        };
        const unchanged =
          after.name === before.name &&
          after.lei === before.lei &&
          after.sector === before.sector &&
          after.website === before.website;
        if (!unchanged) await this.companies.update(tx, id, after).catch(refused);
      }),
    );
  }
}
