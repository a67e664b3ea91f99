import { Injectable } from '@nestjs/common';
import { todayUtc } from '../common/dates.js';
import { BadUserInputError } from '../common/errors/app-errors.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { CountriesRepository, type CountryRow } from './countries.repository.js';
import { WHOLE_COUNTRY, type CountryShape } from './country-shape.js';
import { CountryGroupsRepository } from './country-groups.repository.js';
import type { CountryGroup } from './country-group.entity.js';
import type { SqlFilter } from '../database/sql-filter.js';
import { CountryFilterExtensions } from './country-filter-extensions.js';
import type { CountriesArgs, CountryFilter } from './dto/countries.args.js';

/** Reads of reference data: countries, parties and country groups. */
@Injectable()
export class CountriesService {
  constructor(
    private readonly countries: CountriesRepository,
    private readonly groups: CountryGroupsRepository,
    private readonly extensions: CountryFilterExtensions,
  ) {}

  /** The codes among `codes` that name no party (country or organisation), in the order given. */
  async missingPartyCodes(codes: readonly string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const parties = await this.countries.partiesByCode(codes);
    return codes.filter((_code, at) => parties[at] === null);
  }

  async listCountries(args: CountriesArgs, withTotal: boolean, shape?: CountryShape): Promise<Page<CountryRow>> {
    const filter = args.filter ?? {};
    const afterIso3 = args.after ? decodeCursor(args.after, ['text'])[0] : null;
    const { rows, total, count } = await this.countries.page(
      filter,
      args.asOf ?? todayUtc(),
      afterIso3,
      args.first + 1,
      withTotal,
      shape,
    );
    // An unknown group is a mistake, not an empty group; checked only when nothing matched, off the hot path.
    if (rows.length === 0) await this.checkReferences(filter, 'filter');
    return toPage(rows, args.first, (row) => [row.iso3], afterIso3 !== null, total ?? count);
  }

  /**
   * BAD_USER_INPUT naming the first field of `filter` (under `path`) that names something that does not exist: for
   * reads that matched nothing.
   */
  async checkReferences(filter: CountryFilter, path: string): Promise<void> {
    if (filter.groupKey && !(await this.findGroup(filter.groupKey))) {
      throw BadUserInputError.field(`${path}.groupKey`, `names no country group: "${filter.groupKey}"`);
    }
    const problem = await this.extensions.unknownReference(filter);
    if (problem) throw BadUserInputError.field(`${path}.${problem.field}`, problem.message);
  }

  /**
   * A subquery of the codes of the countries matching `filter` on `asOf`, its values bound on `where`: for a
   * higher module's statement over countries (one statement, not a list of codes passed around).
   */
  countrySelection(where: SqlFilter, filter: CountryFilter, asOf: string): string {
    return this.countries.selection(where, filter, asOf);
  }

  countryColumns(): ReadonlySet<string> {
    return this.countries.columnNames();
  }

  async findCountry(iso3: string, shape: CountryShape = WHOLE_COUNTRY): Promise<CountryRow | null> {
    return (await this.countries.one(iso3.toUpperCase(), shape)) ?? null;
  }

  listGroups(): Promise<CountryGroup[]> {
    return this.groups.all();
  }

  findGroup(key: string): Promise<CountryGroup | null> {
    return this.groups.byKey(key.toUpperCase());
  }
}
