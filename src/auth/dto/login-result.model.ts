import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../user.entity.js';
import type { UserView } from '../users.repository.js';

@ObjectType()
export class LoginResult {
  @Field({ description: 'Send as "Authorization: Bearer <token>".' })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => User)
  user: UserView;
}
