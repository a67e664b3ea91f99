import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../auth/user.entity.js';
import { Disclosure } from '../disclosures/disclosure.entity.js';
import { ReviewDecision } from './oversight-terms.js';
import { Regulator } from './regulator.entity.js';

/** A regulator's review of one filing: opened, findings added, decided once. */
@ObjectType({
  description:
    'A regulator’s review of one filing: opened, findings added, decided once. The public sees decided reviews ' +
    '(decision, summary, when, by which regulator); the company’s filers and the regulators whose jurisdiction ' +
    'covers the AI system also see open reviews, the reviewer and the findings.',
})
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
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'disclosure_id', type: 'uuid' })
  disclosureId: string;

  @ManyToOne(() => Disclosure, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'disclosure_id' })
  disclosure?: Relation<Disclosure>;

  @Field(() => ID)
  @Column({ name: 'regulator_id', type: 'uuid' })
  regulatorId: string;

  @ManyToOne(() => Regulator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regulator_id' })
  regulator?: Relation<Regulator>;

  @Field(() => ID, { nullable: true, description: 'The regulator’s staff member who opened it; null for the public.' })
  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true })
  reviewerId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: Relation<User>;

  @Field()
  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' })
  openedAt: Date;

  @Field(() => ReviewDecision, { nullable: true, description: 'Null while the review is open.' })
  @Column({ type: 'varchar', length: 24, nullable: true })
  decision: ReviewDecision | null;

  /** Public once decided. */
  @Field(() => String, { nullable: true, description: 'The decision’s reasons, public once decided.' })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
