import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditChainHead } from './audit-chain-head.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditRepository } from './audit.repository.js';
import { AuditLoaders } from './audit.loaders.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';
import { AuditedWrites } from './audited-writes.js';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent, AuditChainHead])],
  providers: [AuditRepository, AuditService, AuditedWrites, AuditLoaders, AuditResolver],
  exports: [AuditedWrites, AuditService, AuditLoaders],
})
export class AuditModule {}
