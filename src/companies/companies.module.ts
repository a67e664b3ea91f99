import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CountriesModule } from '../countries/countries.module.js';
import { AISystemDeployment } from './ai-system-deployment.entity.js';
import { AISystem } from './ai-system.entity.js';
import { AISystemsRepository } from './ai-systems.repository.js';
import { AISystemsResolver } from './ai-systems.resolver.js';
import { AISystemsService } from './ai-systems.service.js';
import { CompaniesLoaders } from './companies.loaders.js';
import { CompaniesRepository } from './companies.repository.js';
import { CompaniesResolver } from './companies.resolver.js';
import { CompaniesService } from './companies.service.js';
import { CompanyMembershipResolver } from './company-membership.resolver.js';
import { Company } from './company.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Company, AISystem, AISystemDeployment]),
    AuditModule,
    AuthModule,
    CountriesModule,
  ],
  providers: [
    CompaniesRepository,
    AISystemsRepository,
    CompaniesService,
    AISystemsService,
    CompaniesLoaders,
    CompaniesResolver,
    AISystemsResolver,
    CompanyMembershipResolver,
  ],
  exports: [CompaniesService, AISystemsService, CompaniesLoaders],
})
export class CompaniesModule {}
