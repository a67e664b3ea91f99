import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ReusableValidation } from '../errors/validation-pipe.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
@ReusableValidation()
export class PageArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, 1 to ${MAX_PAGE_SIZE}.`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string | null;
}

/**
 * A first page (no cursor) of a size PageArgs accepts: what fast paths answer as they are, leaving anything else
 * to the validated resolver and its errors.
 */
export function isValidFirstPage(args: { first?: unknown; after?: unknown }): args is { first: number } {
  const { first, after } = args;
  return after == null && Number.isInteger(first) && (first as number) >= 1 && (first as number) <= MAX_PAGE_SIZE;
}
