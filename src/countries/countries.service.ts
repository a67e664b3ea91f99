import { Injectable } from '@nestjs/common';
import { todayUtc } from '../common/dates.js';
import { BadUserInputError } from '../common/errors/app-errors.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { CountriesRepository, type CountryRow } from './countries.repository.js';
import { WHOLE_COUNTRY, type CountryShape } from './country-shape.js';
import { CountryGroupsRepository } from './country-groups.repository.js';
import type { CountryGroup } from './country-group.entity.js';
import type { CountriesArgs } from './dto/countries.args.js';

/** Reads of reference data: countries, parties and country groups. */
@Injectable()
export class CountriesService {
  constructor(
    private readonly countries: CountriesRepository,
    private readonly groups: CountryGroupsRepository,
  ) {}

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
    if (rows.length === 0 && filter.groupKey && !(await this.findGroup(filter.groupKey))) {
      throw BadUserInputError.field('filter.groupKey', `names no country group: "${filter.groupKey}"`);
    }
    return toPage(rows, args.first, (row) => [row.iso3], afterIso3 !== null, total ?? count);
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
