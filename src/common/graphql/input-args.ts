import type { Type } from '@nestjs/common';
import { ArgsType, Field } from '@nestjs/graphql';
import { Type as TransformTo } from 'class-transformer';
import { ValidateNested } from 'class-validator';

/**
 * The arguments `(input: XInput!)` of a mutation, validated field by field (errors name `input.<field>`):
 * `@ArgsType() class RegisterCompanyArgs extends InputArgs(RegisterCompanyInput) {}`, adding any further arguments.
 */
export function InputArgs<T extends object>(input: Type<T>) {
  @ArgsType()
  abstract class InputArgsType {
    @Field(() => input)
    @ValidateNested()
    @TransformTo(() => input)
    input: T;
  }
  return InputArgsType;
}
