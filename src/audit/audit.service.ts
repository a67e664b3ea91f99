import { Injectable } from '@nestjs/common';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { ChainVerifier, type ExportedEvent } from './audit-chain.js';
import type { AuditEvent } from './audit-event.entity.js';
import type { PageArgs } from '../common/pagination/page-args.js';
import { AuditRepository, type AuditedRecordRef, type ChainHead } from './audit.repository.js';
import type { AuditEventsArgs } from './dto/audit-events.args.js';
import type { AuditTrailVerification } from './dto/audit-trail-verification.model.js';

/**
 * Events read at a time when walking the chain: memory stays flat however long it is, and hashing one page holds
 * the event loop for tens of milliseconds at most (30 to 80 µs an event).
 */
const CHAIN_PAGE = 500;

/** Reads of the audit trail; writes go through AuditedWrites, inside the change they record. */
@Injectable()
export class AuditService {
  constructor(private readonly events: AuditRepository) {}

  /** Newest first, keyset-paginated on id. */
  async list(args: AuditEventsArgs): Promise<Page<AuditEvent>> {
    const beforeId = args.after ? decodeCursor(args.after, ['integer'])[0] : null;
    const { rows, count } = await this.events.list(args.filter ?? {}, beforeId, args.first + 1);
    return toPage(rows, args.first, (row) => [row.id], beforeId !== null, count);
  }

  /** The events of some records (a filing and its reviews, say), newest first, keyset-paginated on id. */
  async ofRecords(records: readonly AuditedRecordRef[], args: PageArgs): Promise<Page<AuditEvent>> {
    const beforeId = args.after ? decodeCursor(args.after, ['integer'])[0] : null;
    const [rows] = await this.events.ofRecordGroups([records], beforeId, args.first + 1);
    return toPage(
      rows,
      args.first,
      (row) => [row.id],
      beforeId !== null,
      () => this.countOf(records),
    );
  }

  /** The first page of events of each group of records, for a page of parents (see AuditLoaders). */
  firstPages(groups: readonly (readonly AuditedRecordRef[])[], first: number): Promise<AuditEvent[][]> {
    return this.events.ofRecordGroups(groups, null, first + 1);
  }

  countOf(records: readonly AuditedRecordRef[]): Promise<number> {
    return this.events.countOfRecords(records);
  }

  /**
   * The chain as its head names it, one page at a time in id order. Events appended while this runs come after
   * the head it read and are left for the next verification or export.
   */
  async *chain(): AsyncGenerator<ExportedEvent> {
    const { lastEventId } = await this.events.chainHead();
    for (let after = '0'; ;) {
      const page = await this.events.chainPage(after, lastEventId, CHAIN_PAGE);
      yield* page;
      if (page.length < CHAIN_PAGE) return;
      after = page[page.length - 1].id;
    }
  }

  /** Recomputes every hash and link from the first event, then checks that the chain ends where its head says. */
  async verify(): Promise<AuditTrailVerification> {
    const head = await this.events.chainHead();
    const verifier = new ChainVerifier();
    for (let after = '0'; ;) {
      const page = await this.events.chainPage(after, head.lastEventId, CHAIN_PAGE);
      for (const event of page) if (!verifier.add(event)) return this.result(verifier, head);
      if (page.length < CHAIN_PAGE) break;
      after = page[page.length - 1].id;
    }
    const lastId = verifier.lastId ?? '0';
    if (lastId !== head.lastEventId) {
      verifier.fail(
        head.lastEventId,
        `the chain head names event ${head.lastEventId}, but the chain ends at ${lastId === '0' ? 'no event' : `event ${lastId}`}: events were removed`,
      );
    } else if (verifier.lastHash !== head.lastHash) {
      verifier.fail(lastId, 'its hash is not the one the chain head records: the event or the head was changed');
    } else if (head.beyondId !== null) {
      verifier.fail(
        head.beyondId,
        `it is not in the chain, which ends at ${lastId === '0' ? 'no event' : `event ${lastId}`}: it was inserted around the chain`,
      );
    }
    return this.result(verifier, head);
  }

  private result(verifier: ChainVerifier, head: ChainHead): AuditTrailVerification {
    return {
      ...verifier.verdict(),
      lastEventId: head.lastEventId === '0' ? null : head.lastEventId,
      lastHash: head.lastHash,
    };
  }
}
