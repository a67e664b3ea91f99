import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { Role } from '../../common/access/role.js';

@ArgsType()
export class UserIdArgs {
  @Field(() => ID)
  @IsUUID()
  userId: string;
}

@ArgsType()
export class RoleArgs extends UserIdArgs {
  @Field(() => Role)
  @IsEnum(Role)
  role: Role;
}
