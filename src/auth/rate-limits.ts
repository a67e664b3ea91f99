import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../common/errors/app-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Per-process limits (rate-limiter-flexible, in memory). With several replicas each keeps its own count;
 * RateLimiterRedis is the drop-in for a shared one.
 */
@Injectable()
export class RateLimits {
  private readonly logins: RateLimiterMemory;
  private readonly mutations: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.logins = new RateLimiterMemory({ keyPrefix: 'login', points: config.loginAttemptsPerMinute, duration: 60 });
    this.mutations = new RateLimiterMemory({ keyPrefix: 'mutation', points: config.mutationsPerMinute, duration: 60 });
  }

  /** One sign-in attempt from `address`; counted before the password is checked. */
  loginAttempt(address: string): Promise<void> {
    return consume(this.logins, address, 'too many sign-in attempts from this address');
  }

  /** One mutation by `caller` (a user id). */
  mutation(caller: string): Promise<void> {
    return consume(this.mutations, caller, 'too many changes from this caller');
  }
}

async function consume(limiter: RateLimiterMemory, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new RateLimitedError(message, Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
    throw rejection;
  }
}
