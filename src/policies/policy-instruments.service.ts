import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { Database } from '../database/database.js';
import type { Tx } from '../database/transaction.js';
import type { PolicyInstrumentsArgs } from './dto/policy-lists.args.js';
import type { RecordPolicyInstrumentInput, UpdatePolicyInstrumentInput } from './dto/policy-instrument.input.js';
import type { PolicyInstrument } from './policy-instrument.entity.js';
import { PolicyInstrumentsRepository, type InstrumentKey } from './policy-instruments.repository.js';
import { refusal } from './write-refusals.js';

const refused = refusal({
  reference: { field: 'input.partyCode', message: 'names no country or organisation' },
  duplicate: 'this party already has a policy instrument with this title',
});

@Injectable()
export class PolicyInstrumentsService {
  constructor(
    private readonly db: Database,
    private readonly instruments: PolicyInstrumentsRepository,
    private readonly writes: AuditedWrites,
  ) {}

  async list(args: PolicyInstrumentsArgs): Promise<Page<PolicyInstrument>> {
    const after = args.after ? (decodeCursor(args.after, ['text', 'text']) as InstrumentKey) : null;
    const { rows, count } = await this.instruments.page(args.filter ?? {}, after, args.first + 1);
    return toPage(rows, args.first, (row) => [row.partyCode, row.title], after !== null, count);
  }

  record(input: RecordPolicyInstrumentInput, actor: AuditActor, tx?: Tx): Promise<PolicyInstrument> {
    return this.db.within(tx, (tx) =>
      this.writes.create(
        tx,
        actor,
        { action: 'policyInstrument.record', entityType: this.instruments.entityType },
        () =>
          this.instruments
            .insert(tx, input.partyCode.toUpperCase(), {
              title: input.title.trim(),
              orientation: input.orientation,
              lever: input.lever,
              sourceUrl: input.sourceUrl ?? null,
            })
            .catch(refused),
      ),
    );
  }

  update(id: string, input: UpdatePolicyInstrumentInput, actor: AuditActor, tx?: Tx): Promise<PolicyInstrument> {
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.instruments, id, 'policyInstrument.update', () =>
        this.instruments
          .update(tx, id, {
            title: input.title?.trim(),
            orientation: input.orientation ?? undefined,
            lever: input.lever ?? undefined,
            sourceUrl: input.sourceUrl ?? undefined,
          })
          .catch(refused),
      ),
    );
  }
}
