import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { Regulator } from '../regulator.entity.js';

@ObjectType()
export class RegulatorConnection extends Connection(Regulator) {}
