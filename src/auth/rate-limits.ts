import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../common/errors/app-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { addressKey, WindowCounter } from './window-counter.js';

/** Which limit refused a request (the `kind` of SecurityEvents.rateLimited). */
export type RateLimitKind = 'sign_in_address' | 'sign_in_account' | 'mutation';

/** A refusal by one of the limits, with the kind that refused. */
export class RateLimitRefusal extends RateLimitedError {
  constructor(
    readonly kind: RateLimitKind,
    message: string,
    retryAfterSeconds: number,
  ) {
    super(message, retryAfterSeconds);
  }
}

/** A sign-in admitted by the limits; `succeeded()` gives the address its point back. */
export interface SignInAttempt {
  succeeded(): void;
}

const MINUTE_MS = 60_000;

/**
 * Per-process limits, in memory. Sign-in windows are counted by WindowCounter (bounded: at most 100,000 addresses
 * and 100,000 accounts held; a point is taken synchronously, before the password is checked); mutations per caller
 * by rate-limiter-flexible (keyed by user id, so bounded by the number of users). With several replicas each
 * counts its own, so the effective limit is the replica count times the configured one.
 */
@Injectable()
export class RateLimits {
  private readonly signInsPerAddress: WindowCounter;
  private readonly signInsPerAccount: WindowCounter;
  private readonly mutations: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.signInsPerAddress = new WindowCounter(config.loginAttemptsPerMinute, MINUTE_MS);
    this.signInsPerAccount = new WindowCounter(config.loginAttemptsPerAccountPerMinute, MINUTE_MS);
    this.mutations = new RateLimiterMemory({ keyPrefix: 'mutation', points: config.mutationsPerMinute, duration: 60 });
  }

  /**
   * Admits one sign-in from `address` for the account `email`, taking its points before anything is checked, so
   * that concurrent attempts cannot run more password checks than the limits allow: LOGIN_ATTEMPTS_PER_MINUTE per
   * address (given back when the sign-in succeeds, so only failures count there: many people may sign in from
   * behind one address) and LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE per account (every attempt counts, successful or
   * not). Throws RATE_LIMITED, without checking anything, when either is spent.
   */
  beginSignIn(address: string, email: string): SignInAttempt {
    const addressAt = addressKey(address);
    const addressWait = this.signInsPerAddress.take(addressAt);
    if (addressWait > 0) {
      throw new RateLimitRefusal('sign_in_address', 'too many failed sign-ins from this address', seconds(addressWait));
    }
    const accountWait = this.signInsPerAccount.take(email.toLowerCase());
    if (accountWait > 0) {
      // Nothing was checked for this attempt: the address keeps its point.
      this.signInsPerAddress.giveBack(addressAt);
      throw new RateLimitRefusal('sign_in_account', 'too many sign-ins to this account', seconds(accountWait));
    }
    return { succeeded: () => this.signInsPerAddress.giveBack(addressAt) };
  }

  /** One mutation by `caller` (a user id). */
  async mutation(caller: string): Promise<void> {
    try {
      await this.mutations.consume(caller);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new RateLimitRefusal('mutation', 'too many changes from this caller', seconds(rejection.msBeforeNext));
      }
      throw rejection;
    }
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
