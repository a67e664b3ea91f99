import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { MembershipRegulatorResolver, RegulatorsResolver } from './regulators.resolver.js';
import { RegulatorsService } from './regulators.service.js';

@Module({
  imports: [AuditModule],
  providers: [RegulatorsService, RegulatorsResolver, MembershipRegulatorResolver],
  exports: [RegulatorsService],
})
export class OversightModule {}
