import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { EnforcementAction } from './enforcement-action.entity.js';
import { StatusChange } from './status-change.js';

/** The full status history of an enforcement action, oldest first. */
@Entity('enforcement_status_change')
@Index('IDX_enforcement_status_change', ['enforcementActionId', 'changedAt', 'id'])
export class EnforcementStatusChange extends StatusChange {
  @Column({ name: 'enforcement_action_id', type: 'uuid' })
  enforcementActionId: string;

  @ManyToOne(() => EnforcementAction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enforcement_action_id' })
  enforcementAction?: Relation<EnforcementAction>;
}
