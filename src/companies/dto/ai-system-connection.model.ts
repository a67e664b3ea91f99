import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { AISystem } from '../ai-system.entity.js';

@ObjectType()
export class AISystemConnection extends Connection(AISystem) {}
