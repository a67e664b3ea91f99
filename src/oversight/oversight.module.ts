import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
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
  ],
  providers: [
    RegulatorsRepository,
    RegulatorsService,
    RegulatorsLoaders,
    RegulatorsResolver,
    RegulatorMembershipResolver,
  ],
  exports: [RegulatorsService, RegulatorsLoaders],
})
export class OversightModule {}
