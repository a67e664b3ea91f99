import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CountriesLoaders } from './countries.loaders.js';
import { CountriesRepository } from './countries.repository.js';
import { CountriesResolver } from './countries.resolver.js';
import { CountriesService } from './countries.service.js';
import { CountryGroup } from './country-group.entity.js';
import { CountryGroupsRepository } from './country-groups.repository.js';
import { CountryFilterExtensions } from './country-filter-extensions.js';
import { CountryGroupsResolver } from './country-groups.resolver.js';
import { CountryGroupsService } from './country-groups.service.js';
import { GroupCurationResolver } from './group-curation.resolver.js';
import { Country } from './country.entity.js';
import { GroupMembership } from './group-membership.entity.js';
import { GroupMembershipsResolver, PartiesResolver } from './parties.resolver.js';
import { Party } from './party.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Party, Country, CountryGroup, GroupMembership]), AuditModule],
  providers: [
    CountriesRepository,
    CountryGroupsRepository,
    CountriesService,
    CountryGroupsService,
    CountryFilterExtensions,
    CountriesLoaders,
    CountriesResolver,
    CountryGroupsResolver,
    PartiesResolver,
    GroupMembershipsResolver,
    GroupCurationResolver,
  ],
  exports: [CountriesService, CountriesLoaders, CountryFilterExtensions],
})
export class CountriesModule {}
