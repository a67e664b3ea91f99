import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { User } from '../user.entity.js';

@ObjectType()
export class UserConnection extends Connection(User) {}
