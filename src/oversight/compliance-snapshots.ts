import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';
import { RateLimitedError } from '../common/errors/app-errors.js';
import { ComplianceRepository } from './compliance.repository.js';

export interface Snapshot<T> {
  value: T;
  /** When the computation began: it saw every change committed before then. */
  computedAt: Date;
  /** The compliance inputs' version read just before it began. */
  version: string;
}

/** Past this age a snapshot is computed again even if the version has not moved (see `get`). */
const MAX_AGE_MS = 60_000;

/** Computations running at once: each holds a connection and seconds of the database's time. */
export const MAX_RUNNING_COMPUTATIONS = 2;
/** Computations waiting for their turn; past that, new questions are refused (RATE_LIMITED) until some finish. */
export const MAX_WAITING_COMPUTATIONS = 8;
const RETRY_AFTER_SECONDS = 5;

/**
 * Answers that read a whole jurisdiction (a complianceOverview takes seconds on a million filings), kept per
 * question and recomputed when an input of compliance changes.
 *
 * Every statement on a table that decides compliance moves a version (a sequence moved by statement triggers,
 * migration ComplianceInputsVersion). A snapshot is served while the version is the one it was computed at, so
 * the answer is the one computing would give, for one cheap read of the version. The version moves when the
 * writing statement runs, which may be before its transaction commits: a computation starting in that gap misses
 * the change while carrying the new version, so no snapshot is served past a minute whatever the version says.
 *
 * At most `max` questions are kept (least recently used dropped); concurrent requests for one question wait for
 * one computation. The questions are many (every jurisdiction, every date) and anyone may ask them, so at most
 * MAX_RUNNING_COMPUTATIONS run at once and MAX_WAITING_COMPUTATIONS wait; a question past those is RATE_LIMITED
 * with a time to retry, whatever the caller, so that a caller cycling through dates costs the database at most
 * two computations at a time and cannot take the pool's connections from everyone else.
 */
@Injectable()
export class ComplianceSnapshots {
  private readonly snapshots = new LRUCache<string, Snapshot<unknown>>({ max: 256 });
  private readonly computing = new Map<string, Promise<Snapshot<unknown>>>();
  private readonly turns = pLimit(MAX_RUNNING_COMPUTATIONS);

  constructor(private readonly compliance: ComplianceRepository) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<Snapshot<T>> {
    const version = await this.compliance.inputsVersion();
    const kept = this.snapshots.get(key) as Snapshot<T> | undefined;
    if (kept && kept.version === version && Date.now() - kept.computedAt.getTime() < MAX_AGE_MS) return kept;
    const running = this.computing.get(key) as Promise<Snapshot<T>> | undefined;
    return running ?? this.compute(key, version, compute);
  }

  private compute<T>(key: string, version: string, compute: () => Promise<T>): Promise<Snapshot<T>> {
    if (this.turns.activeCount + this.turns.pendingCount >= MAX_RUNNING_COMPUTATIONS + MAX_WAITING_COMPUTATIONS) {
      throw new RateLimitedError(
        `${MAX_RUNNING_COMPUTATIONS + MAX_WAITING_COMPUTATIONS} other questions are being computed`,
        RETRY_AFTER_SECONDS,
      );
    }
    const running = this.turns(async () => {
      // Read when its turn comes: a snapshot covers what was committed before its computation began.
      const computedAt = new Date();
      return { value: await compute(), computedAt };
    })
      .then(({ value, computedAt }) => {
        const snapshot = { value, computedAt, version };
        this.snapshots.set(key, snapshot);
        return snapshot;
      })
      .finally(() => this.computing.delete(key));
    this.computing.set(key, running);
    return running;
  }
}
