import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { Initiative } from '../initiative.entity.js';

@ObjectType()
export class InitiativeConnection extends Connection(Initiative) {}
