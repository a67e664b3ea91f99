import { Module } from '@nestjs/common';
import { CountriesLoaders } from './countries.loaders.js';
import { CountriesResolver } from './countries.resolver.js';
import { CountriesService } from './countries.service.js';
import { CountryGroupsResolver } from './country-groups.resolver.js';
import { GroupMembershipsResolver, PartiesResolver } from './parties.resolver.js';

@Module({
  providers: [
    CountriesService,
    CountriesLoaders,
    CountriesResolver,
    CountryGroupsResolver,
    PartiesResolver,
    GroupMembershipsResolver,
  ],
  exports: [CountriesService, CountriesLoaders],
})
export class CountriesModule {}
