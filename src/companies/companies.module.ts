import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CompaniesLoaders } from './companies.loaders.js';
import { CompaniesRepository } from './companies.repository.js';
import { CompaniesResolver } from './companies.resolver.js';
import { CompaniesService } from './companies.service.js';
import { CompanyMembershipResolver } from './company-membership.resolver.js';
import { AISystemDeployment } from './ai-system-deployment.entity.js';
import { AISystem } from './ai-system.entity.js';
import { Company } from './company.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Company, AISystem, AISystemDeployment]), AuditModule, AuthModule],
  providers: [CompaniesRepository, CompaniesService, CompaniesLoaders, CompaniesResolver, CompanyMembershipResolver],
  exports: [CompaniesService, CompaniesLoaders],
})
export class CompaniesModule {}
