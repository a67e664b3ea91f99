import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../auth/user.entity.js';
import { Disclosure } from '../disclosures/disclosure.entity.js';
import type { ReviewDecision } from './oversight-terms.js';
import { Regulator } from './regulator.entity.js';

/** A regulator's review of one filing: opened, findings added, decided once. */
@Entity('review')
@Check(
  'CHK_review_decision',
  `("decision" IS NULL) = ("decided_at" IS NULL) AND ("decision" IS NULL) = ("summary" IS NULL) AND ("decision" IS NULL OR "decision" IN ('ACCEPT', 'REJECT', 'REQUEST_AMENDMENT')) AND ("decided_at" IS NULL OR "decided_at" >= "opened_at")`,
)
// One open review per disclosure.
@Index('UQ_review_open_disclosure', ['disclosureId'], { unique: true, where: '"decided_at" IS NULL' })
@Index('IDX_review_disclosure', ['disclosureId', 'openedAt', 'id'])
@Index('IDX_review_regulator', ['regulatorId', 'openedAt', 'id'])
export class Review {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'disclosure_id', type: 'uuid' })
  disclosureId: string;

  @ManyToOne(() => Disclosure, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'disclosure_id' })
  disclosure?: Relation<Disclosure>;

  @Column({ name: 'regulator_id', type: 'uuid' })
  regulatorId: string;

  @ManyToOne(() => Regulator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regulator_id' })
  regulator?: Relation<Regulator>;

  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true })
  reviewerId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: Relation<User>;

  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' })
  openedAt: Date;

  @Column({ type: 'varchar', length: 24, nullable: true })
  decision: ReviewDecision | null;

  /** Public once decided. */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
