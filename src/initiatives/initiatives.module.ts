import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Initiative } from './initiative.entity.js';
import { Participation } from './participation.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Initiative, Participation])],
})
export class InitiativesModule {}
