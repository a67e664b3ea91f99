import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { CountriesModule } from '../countries/countries.module.js';
import { DisclosuresModule } from '../disclosures/disclosures.module.js';
import { DisclosureTemplatesModule } from '../disclosures/templates/disclosure-templates.module.js';
import { InitiativesModule } from '../initiatives/initiatives.module.js';
import { AISystemCertificationsResolver, CompanyCertificationsResolver } from './certification-owners.resolver.js';
import { CertificationsLoaders } from './certifications.loaders.js';
import { CertificationsRepository } from './certifications.repository.js';
import { CertificationsResolver } from './certifications.resolver.js';
import { CertificationsService } from './certifications.service.js';
import { ComplianceSnapshots } from './compliance-snapshots.js';
import { ComplianceRepository } from './compliance.repository.js';
import {
  AISystemComplianceResolver,
  ComplianceResolver,
  RequirementComplianceResolver,
} from './compliance.resolver.js';
import { ComplianceService } from './compliance.service.js';
import { EnforcementActionsRepository } from './enforcement-actions.repository.js';
import { EnforcementActionsResolver } from './enforcement-actions.resolver.js';
import { EnforcementActionsService } from './enforcement-actions.service.js';
import { AISystemEnforcementResolver, CompanyEnforcementResolver } from './enforcement-owners.resolver.js';
import { EnforcementLoaders } from './enforcement.loaders.js';
import { OversightScopeRepository } from './oversight-scope.repository.js';
import { OversightScopeService } from './oversight-scope.service.js';
import { RegulatorMembershipResolver } from './regulator-membership.resolver.js';
import { CertificationStatusChange } from './certification-status-change.entity.js';
import { Certification } from './certification.entity.js';
import { DisclosureRequirement } from './disclosure-requirement.entity.js';
import { EnforcementAction } from './enforcement-action.entity.js';
import { EnforcementStatusChange } from './enforcement-status-change.entity.js';
import { Regulator } from './regulator.entity.js';
import { ReviewFinding } from './review-finding.entity.js';
import { Review } from './review.entity.js';
import { RegulatorsLoaders } from './regulators.loaders.js';
import { RegulatorsRepository } from './regulators.repository.js';
import { RegulatorsResolver } from './regulators.resolver.js';
import { RegulatorsService } from './regulators.service.js';
import { RequirementsLoaders } from './requirements.loaders.js';
import { RequirementsRepository } from './requirements.repository.js';
import { RequirementsResolver } from './requirements.resolver.js';
import { RequirementsService } from './requirements.service.js';
import { ReviewDisclosureResolver } from './review-disclosure.resolver.js';
import { ReviewFieldsResolver } from './review-fields.resolver.js';
import { ReviewQueueRepository } from './review-queue.repository.js';
import { ReviewReaders } from './review-readers.js';
import { ReviewReadsService } from './review-reads.service.js';
import { ReviewsLoaders } from './reviews.loaders.js';
import { ReviewsRepository } from './reviews.repository.js';
import { ReviewsResolver } from './reviews.resolver.js';
import { ReviewsService } from './reviews.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Regulator,
      Review,
      ReviewFinding,
      Certification,
      CertificationStatusChange,
      EnforcementAction,
      EnforcementStatusChange,
      DisclosureRequirement,
    ]),
    AuditModule,
    AuthModule,
    CompaniesModule,
    CountriesModule,
    DisclosuresModule,
    DisclosureTemplatesModule,
    InitiativesModule,
  ],
  providers: [
    RegulatorsRepository,
    RegulatorsService,
    OversightScopeRepository,
    OversightScopeService,
    RegulatorsLoaders,
    RegulatorsResolver,
    RegulatorMembershipResolver,
    RequirementsRepository,
    RequirementsService,
    RequirementsLoaders,
    RequirementsResolver,
    ComplianceRepository,
    ComplianceService,
    ComplianceSnapshots,
    ComplianceResolver,
    RequirementComplianceResolver,
    AISystemComplianceResolver,
    CertificationsRepository,
    CertificationsService,
    CertificationsLoaders,
    CertificationsResolver,
    CompanyCertificationsResolver,
    AISystemCertificationsResolver,
    EnforcementActionsRepository,
    EnforcementActionsService,
    EnforcementLoaders,
    EnforcementActionsResolver,
    CompanyEnforcementResolver,
    AISystemEnforcementResolver,
    ReviewsRepository,
    ReviewQueueRepository,
    ReviewsService,
    ReviewReadsService,
    ReviewsLoaders,
    ReviewReaders,
    ReviewsResolver,
    ReviewFieldsResolver,
    ReviewDisclosureResolver,
  ],
  exports: [RegulatorsService, RegulatorsLoaders],
})
export class OversightModule {}
