import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module.js';
import { DisclosureTemplate } from './disclosure-template.entity.js';
import { DisclosureTemplatesLoaders } from './disclosure-templates.loaders.js';
import { DisclosureTemplatesRepository } from './disclosure-templates.repository.js';
import { DisclosureTemplatesResolver } from './disclosure-templates.resolver.js';
import { DisclosureTemplatesService } from './disclosure-templates.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([DisclosureTemplate]), AuditModule],
  providers: [
    DisclosureTemplatesRepository,
    DisclosureTemplatesService,
    DisclosureTemplatesLoaders,
    DisclosureTemplatesResolver,
  ],
  exports: [DisclosureTemplatesService],
})
export class DisclosureTemplatesModule {}
