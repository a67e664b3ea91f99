import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { NationalAiStrategy } from '../national-ai-strategy.entity.js';
import { PolicyInstrument } from '../policy-instrument.entity.js';
import { ReadinessScore } from '../readiness-score.entity.js';

@ObjectType()
export class NationalAiStrategyConnection extends Connection(NationalAiStrategy) {}

@ObjectType()
export class PolicyInstrumentConnection extends Connection(PolicyInstrument) {}

@ObjectType()
export class ReadinessScoreConnection extends Connection(ReadinessScore) {}
