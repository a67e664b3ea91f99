import { Column, PrimaryGeneratedColumn } from 'typeorm';

/** The columns every status history row has: who moved what from which status to which, when and why. */
export abstract class StatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null for the first status. */
  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;
}
