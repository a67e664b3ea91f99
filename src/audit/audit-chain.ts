import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The hash chain of the audit trail, version 1: pure code shared by the writer, the migration that chained the
 * events stored before it, verifyAuditTrail and the offline verifier (`npm run audit:verify`). Changing how an
 * event is serialised would break every stored chain: a new form needs a new version, never an edit of this one.
 *
 * An event's hash is the SHA-256 (lower-case hex) of the UTF-8 bytes of the RFC 8785 (JCS) canonical JSON of its
 * ChainedEvent: sorted keys, no whitespace, ECMAScript number form. The first event's previousHash is GENESIS_HASH.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** A JSON value as the database stores a jsonb column and gives it back. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Everything stored about an event except its own hash, in the form that is hashed and exported. */
export interface ChainedEvent {
  /** The bigint id, in decimal. */
  id: string;
  /** UTC with microseconds, as PostgreSQL stores it: 2026-01-31T09:05:00.123456Z. */
  occurredAt: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Json;
  after: Json;
  requestId: string | null;
  previousHash: string;
}

/** One line of an export (`npm run audit:export`): the chained event and its hash. */
export interface ExportedEvent extends ChainedEvent {
  hash: string;
}

const CHAINED_FIELDS: readonly (keyof ChainedEvent)[] = [
  'id',
  'occurredAt',
  'actorUserId',
  'actorApiKeyId',
  'action',
  'entityType',
  'entityId',
  'before',
  'after',
  'requestId',
  'previousHash',
];

/** The SQL expression that gives a timestamptz column in the occurredAt form. */
export const OCCURRED_AT_TEXT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** A snapshot as it will be stored in jsonb and read back: what JSON keeps of it (Dates become strings). */
export function asStoredJson(value: object | null): Json {
  return value === null ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

export function eventHash(event: ChainedEvent): string {
  const content: Partial<Record<keyof ChainedEvent, unknown>> = {};
  for (const field of CHAINED_FIELDS) content[field] = event[field];
  return createHash('sha256').update(canonicalize(content)!, 'utf8').digest('hex');
}

/** Chains events onto the head: each one's previousHash is the hash of the one before. */
export function chain(
  head: string,
  events: readonly Omit<ChainedEvent, 'previousHash'>[],
): { event: ChainedEvent; hash: string }[] {
  let previousHash = head;
  return events.map((unchained) => {
    const event = { ...unchained, previousHash };
    previousHash = eventHash(event);
    return { event, hash: previousHash };
  });
}

export interface ChainVerdict {
  valid: boolean;
  /** Events checked, up to and including the first broken one. */
  checked: number;
  firstBrokenEventId: string | null;
  reason: string | null;
}

/**
 * Checks a chain one event at a time, in id order, so that a long chain is never held in memory. Feed it every
 * event from the first; it stops at the first broken one.
 */
export class ChainVerifier {
  private previousHash = GENESIS_HASH;
  private previousId: bigint | null = null;
  private checked = 0;
  private broken: { id: string; reason: string } | null = null;

  /** Checks the next event; false once the chain is broken (later events are not looked at). */
  add(event: ExportedEvent): boolean {
    if (this.broken) return false;
    this.checked++;
    const problem = this.problemOf(event);
    if (problem) {
      this.broken = { id: String((event as Partial<ExportedEvent> | null)?.id ?? `#${this.checked}`), reason: problem };
      return false;
    }
    this.previousHash = event.hash;
    this.previousId = BigInt(event.id);
    return true;
  }

  /** The hash of the last event checked (GENESIS_HASH when none was). */
  get lastHash(): string {
    return this.previousHash;
  }

  get lastId(): string | null {
    return this.previousId === null ? null : String(this.previousId);
  }

  /** Marks the chain broken at `id` for a reason found outside the events (a missing tail). */
  fail(id: string, reason: string): void {
    this.broken ??= { id, reason };
  }

  verdict(): ChainVerdict {
    return {
      valid: this.broken === null,
      checked: this.checked,
      firstBrokenEventId: this.broken?.id ?? null,
      reason: this.broken?.reason ?? null,
    };
  }

  private problemOf(event: ExportedEvent): string | null {
    if (typeof event !== 'object' || event === null || Array.isArray(event))
      return 'it is not an event (a JSON object)';
    const missing = CHAINED_FIELDS.filter((field) => !(field in event));
    if (missing.length || typeof event.hash !== 'string') {
      return `the event lacks ${[...missing, ...(typeof event.hash === 'string' ? [] : ['hash'])].join(', ')}`;
    }
    if (!/^[1-9][0-9]*$/.test(String(event.id))) return `the id ${JSON.stringify(event.id)} is not a positive integer`;
    if (this.previousId !== null && BigInt(event.id) <= this.previousId) {
      return `its id does not follow event ${this.previousId}: events are out of order`;
    }
    if (event.previousHash !== this.previousHash) {
      return this.previousId === null
        ? 'it is the first event but does not start the chain: events before it are missing'
        : `its previous hash is not the hash of event ${this.previousId}: an event between them was removed or inserted, or one of them was changed`;
    }
    let hash: string;
    try {
      hash = eventHash(event);
    } catch (error) {
      return `its content cannot be serialised: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (hash !== event.hash) return 'its content does not match its hash: the event was changed after it was recorded';
    return null;
  }
}
