import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DisclosureTemplate } from './disclosure-template.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([DisclosureTemplate])],
})
export class DisclosureTemplatesModule {}
