import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import { CountriesRepository } from './countries.repository.js';
import { CountryGroupsRepository } from './country-groups.repository.js';
import type { Country } from './country.entity.js';
import type { CountryGroup } from './country-group.entity.js';
import type { GroupMembership } from './group-membership.entity.js';
import type { Party } from './party.entity.js';

/** The per-request DataLoaders of this module; other modules use them to resolve countries and parties. */
@Injectable()
export class CountriesLoaders {
  constructor(
    private readonly countries: CountriesRepository,
    private readonly groups: CountryGroupsRepository,
  ) {}

  countryByIso3(loaders: LoaderRegistry): DataLoader<string, Country | null> {
    return loaders.get('country', (codes) => this.countries.byIso3(codes));
  }

  partyByCode(loaders: LoaderRegistry): DataLoader<string, Party | null> {
    return loaders.get('party', (codes) => this.countries.partiesByCode(codes));
  }

  groupsOfParty(loaders: LoaderRegistry, asOf: string): DataLoader<string, CountryGroup[]> {
    return loaders.get(`groupsOfParty:${asOf}`, (codes) => this.groups.groupsOfParties(codes, asOf));
  }

  membersOfGroup(loaders: LoaderRegistry, asOf: string): DataLoader<string, Party[]> {
    return loaders.get(`membersOfGroup:${asOf}`, (keys) => this.groups.membersOfGroups(keys, asOf));
  }

  membershipsOfGroup(loaders: LoaderRegistry): DataLoader<string, GroupMembership[]> {
    return loaders.get('membershipsOfGroup', (keys) => this.groups.membershipsOfGroups(keys));
  }
}
