import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The one row that names the newest event of the audit chain. A writer locks it (FOR UPDATE) to append, so that
 * concurrent writers queue instead of forking the chain, and takes the next event ids from it, so that ids follow
 * chain order. verifyAuditTrail also checks that the chain still ends where this row says.
 */
@Entity('audit_chain_head')
@Check('CHK_audit_chain_head_single', `"id" = 1`)
export class AuditChainHead {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ name: 'last_event_id', type: 'bigint', default: 0 })
  lastEventId: string;

  @Column({ name: 'last_hash', type: 'char', length: 64 })
  lastHash: string;
}
