import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Public } from '../common/access/access.decorator.js';
import { AccessGuard } from './access.guard.js';
import type { AuthenticationService } from './authentication.service.js';
import type { RateLimits } from './rate-limits.js';
import { SecurityEvents } from './security-events.js';

class Undeclared {
  handler() {}
}

class Declared {
  @Public()
  handler() {}
}

function contextFor(target: { new (): { handler(): void } }, type: string): ExecutionContext {
  return {
    getHandler: () => (target.prototype as { handler(): void }).handler,
    getClass: () => target,
    getType: () => type,
    getArgByIndex: () => undefined,
  } as unknown as ExecutionContext;
}

describe('AccessGuard: deny by default', () => {
  // Neither is reached on these paths: a rule is judged before anyone is authenticated.
  const guard = new AccessGuard(new Reflector(), {} as AuthenticationService, {} as RateLimits, new SecurityEvents());
  // Nest awaits the answer, so a refusal thrown synchronously reaches it as a rejection.
  const judge = async (context: ExecutionContext) => guard.canActivate(context);

  it.each(['graphql', 'http'])('refuses a %s handler that declares no access rule', async (type) => {
    await expect(judge(contextFor(Undeclared, type))).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('lets a public HTTP route through', async () => {
    await expect(judge(contextFor(Declared, 'http'))).resolves.toBe(true);
  });
});
