import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A mutation request made under an `Idempotency-Key` header: who sent it, a hash of what it asked, and the answer
 * once there is one (null while the first request is running). Kept 24 hours, then purged.
 */
@Entity('idempotency_key')
@Index('IDX_idempotency_key_expires_at', ['expiresAt'])
export class IdempotencyKey {
  /** `user:<id>` or `api_key:<id>`: keys are scoped per caller, so two callers may use the same key. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  caller: string;

  @PrimaryColumn({ type: 'varchar', length: 255 })
  key: string;

  /** SHA-256 of the operation (printed document, operation name) and its variables (canonical JSON). */
  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  /** The HTTP status of the first answer; null while the first request is running. */
  @Column({ name: 'status_code', type: 'smallint', nullable: true })
  statusCode: number | null;

  /** The first answer's body, replayed byte for byte. */
  @Column({ type: 'text', nullable: true })
  response: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
