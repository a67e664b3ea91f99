import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditChainHead } from './audit-chain-head.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditRepository } from './audit.repository.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';
import { AuditedWrites } from './audited-writes.js';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent, AuditChainHead])],
  providers: [AuditRepository, AuditService, AuditedWrites, AuditResolver],
  exports: [AuditedWrites],
})
export class AuditModule {}
