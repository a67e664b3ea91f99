import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { CompanyDisclosuresResolver } from './company-disclosures.resolver.js';
import { ConfidentialReaders } from './confidential-readers.js';
import { DisclosureExportController } from './disclosure-export.controller.js';
import { DisclosureFieldsResolver } from './disclosure-fields.resolver.js';
import { DisclosureLedgerHead } from './disclosure-ledger-head.entity.js';
import { DisclosureSearchDocument } from './disclosure-search-document.entity.js';
import { DisclosureLedgerRepository } from './disclosure-ledger.repository.js';
import { DisclosureLedgerService } from './disclosure-ledger.service.js';
import { DisclosureReadsService } from './disclosure-reads.service.js';
import { DisclosureSearchRepository } from './disclosure-search.repository.js';
import { Disclosure } from './disclosure.entity.js';
import { DisclosuresLoaders } from './disclosures.loaders.js';
import { DisclosuresRepository } from './disclosures.repository.js';
import { DisclosuresResolver } from './disclosures.resolver.js';
import { DisclosuresService } from './disclosures.service.js';
import { DisclosureTemplatesModule } from './templates/disclosure-templates.module.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Disclosure, DisclosureLedgerHead, DisclosureSearchDocument]),
    AuditModule,
    AuthModule,
    CompaniesModule,
    DisclosureTemplatesModule,
  ],
  controllers: [DisclosureExportController],
  providers: [
    DisclosuresRepository,
    DisclosureSearchRepository,
    DisclosureLedgerRepository,
    DisclosuresService,
    DisclosureReadsService,
    DisclosureLedgerService,
    ConfidentialReaders,
    DisclosuresLoaders,
    DisclosuresResolver,
    DisclosureFieldsResolver,
    CompanyDisclosuresResolver,
  ],
  exports: [DisclosuresService, DisclosureReadsService, DisclosuresLoaders, ConfidentialReaders],
})
export class DisclosuresModule {}
