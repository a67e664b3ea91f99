import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { Participation } from '../participation.entity.js';

@ObjectType()
export class ParticipationConnection extends Connection(Participation) {}
