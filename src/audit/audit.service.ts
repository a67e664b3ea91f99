import { Injectable } from '@nestjs/common';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import type { AuditEvent } from './audit-event.entity.js';
import { AuditRepository } from './audit.repository.js';
import type { AuditEventsArgs } from './dto/audit-events.args.js';

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
}
