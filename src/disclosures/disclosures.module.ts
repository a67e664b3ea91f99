import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { DisclosureLedgerHead } from './disclosure-ledger-head.entity.js';
import { Disclosure } from './disclosure.entity.js';
import { DisclosureTemplatesModule } from './templates/disclosure-templates.module.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Disclosure, DisclosureLedgerHead]),
    AuditModule,
    AuthModule,
    CompaniesModule,
    DisclosureTemplatesModule,
  ],
})
export class DisclosuresModule {}
