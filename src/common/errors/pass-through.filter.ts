import { Catch, type ExceptionFilter } from '@nestjs/common';

/**
 * Hands every resolver error to Apollo untouched. Nest's default handler would log caller mistakes
 * (BAD_USER_INPUT...) as server errors; `formatError` decides what is internal and logs only that.
 */
@Catch()
export class PassThroughFilter implements ExceptionFilter {
  catch(exception: unknown): unknown {
    return exception;
  }
}
