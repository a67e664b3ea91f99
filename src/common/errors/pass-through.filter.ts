import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Hands every resolver error to the GraphQL driver untouched: Nest's default handler would log caller mistakes
 * (BAD_USER_INPUT...) as server errors, while `formatExecutionErrors` decides what is internal and logs only that.
 * HTTP routes (health) keep Nest's usual answers.
 */
@Catch()
export class PassThroughFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
