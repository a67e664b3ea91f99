import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { CountriesModule } from '../countries/countries.module.js';
import { DisclosureTemplatesModule } from '../disclosures/templates/disclosure-templates.module.js';
import { InitiativesModule } from '../initiatives/initiatives.module.js';
import { ComplianceRepository } from './compliance.repository.js';
import {
  AISystemComplianceResolver,
  ComplianceResolver,
  RequirementComplianceResolver,
} from './compliance.resolver.js';
import { ComplianceService } from './compliance.service.js';
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
    ComplianceResolver,
    RequirementComplianceResolver,
    AISystemComplianceResolver,
  ],
  exports: [RegulatorsService, RegulatorsLoaders],
})
export class OversightModule {}
