import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { RegulatorMembershipResolver } from './regulator-membership.resolver.js';
import { Regulator } from './regulator.entity.js';
import { RegulatorsLoaders } from './regulators.loaders.js';
import { RegulatorsRepository } from './regulators.repository.js';
import { RegulatorsResolver } from './regulators.resolver.js';
import { RegulatorsService } from './regulators.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Regulator]), AuditModule, AuthModule],
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
