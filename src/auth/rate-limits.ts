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

  private readonly loginLimit: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.loginLimit = config.loginAttemptsPerMinute;
    this.logins = new RateLimiterMemory({ keyPrefix: 'login', points: config.loginAttemptsPerMinute, duration: 60 });
    this.mutations = new RateLimiterMemory({ keyPrefix: 'mutation', points: config.mutationsPerMinute, duration: 60 });
  }

  /**
   * Refuses a sign-in from `address` once LOGIN_ATTEMPTS_PER_MINUTE attempts from it have failed within the
   * minute. Only failures count, so that many people signing in from behind one address are not locked out.
   */
  async assertLoginAllowed(address: string): Promise<void> {
    const state = await this.logins.get(address);
    if (state && state.consumedPoints >= this.loginLimit) {
      throw new RateLimitedError('too many failed sign-ins from this address', retryAfter(state));
    }
  }

  async loginFailed(address: string): Promise<void> {
    await this.logins.penalty(address, 1);
  }

  /** One mutation by `caller` (a user id). */
  mutation(caller: string): Promise<void> {
    return consume(this.mutations, caller, 'too many changes from this caller');
  }
}

function retryAfter(state: RateLimiterRes): number {
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

async function consume(limiter: RateLimiterMemory, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw new RateLimitedError(message, retryAfter(rejection));
    throw rejection;
  }
}
