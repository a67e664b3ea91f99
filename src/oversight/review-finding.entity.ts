import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { FindingSeverity } from './oversight-terms.js';
import { Review } from './review.entity.js';

/** One finding of a review: which field, how serious, against which requirement. Seen by the filers. */
@Entity('review_finding')
@Check('CHK_review_finding_severity', `"severity" IN ('INFO', 'MINOR', 'MAJOR', 'CRITICAL')`)
@Index('IDX_review_finding_review', ['reviewId', 'createdAt', 'id'])
export class ReviewFinding {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'review_id', type: 'uuid' })
  reviewId: string;

  @ManyToOne(() => Review, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'review_id' })
  review?: Relation<Review>;

  /** JSON Pointer of the field of the filing's content it is about ('' for the whole filing). */
  @Column({ name: 'field_path', type: 'text' })
  fieldPath: string;

  @Column({ type: 'varchar', length: 16 })
  severity: FindingSeverity;

  @Column({ type: 'text' })
  requirement: string;

  @Column({ type: 'text' })
  comment: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
