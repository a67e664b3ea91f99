import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CompaniesResolver, MembershipCompanyResolver } from './companies.resolver.js';
import { CompaniesService } from './companies.service.js';

@Module({
  imports: [AuditModule],
  providers: [CompaniesService, CompaniesResolver, MembershipCompanyResolver],
  exports: [CompaniesService],
})
export class CompaniesModule {}
