import { Args } from '@nestjs/graphql';
import { LocalDateScalar } from './scalars.js';

/**
 * The `asOf` argument of date-dependent fields. The LocalDate scalar validates it; as a single scalar argument
 * it skips the class-validator pipe, which matters on fields resolved hundreds of times per request.
 */
export const AsOfArg = () =>
  Args('asOf', {
    type: () => LocalDateScalar,
    nullable: true,
    description: 'The date to answer for, YYYY-MM-DD; default today (UTC).',
  });

/** The arguments of a field that takes only `asOf`, as a plain resolver receives them. */
export interface AsOf {
  asOf?: string | null;
}
