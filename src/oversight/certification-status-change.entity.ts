import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Certification } from './certification.entity.js';
import { StatusChange } from './status-change.js';

/** The full status history of a certification, oldest first. */
@Entity('certification_status_change')
@Index('IDX_certification_status_change', ['certificationId', 'changedAt', 'id'])
export class CertificationStatusChange extends StatusChange {
  @Column({ name: 'certification_id', type: 'uuid' })
  certificationId: string;

  @ManyToOne(() => Certification, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'certification_id' })
  certification?: Relation<Certification>;
}
