import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { FindingSeverity } from './oversight-terms.js';
import { Review } from './review.entity.js';

/** One finding of a review: which field, how serious, against which requirement. Seen by the filers. */
@ObjectType({
  description:
    'One finding of a review: which field of the filing, how serious, against which requirement. Seen by the ' +
    'company’s filers and the regulators whose jurisdiction covers the AI system, never by the public.',
})
@Entity('review_finding')
@Check('CHK_review_finding_severity', `"severity" IN ('INFO', 'MINOR', 'MAJOR', 'CRITICAL')`)
@Index('IDX_review_finding_review', ['reviewId', 'createdAt', 'id'])
export class ReviewFinding {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'review_id', type: 'uuid' })
  reviewId: string;

  @ManyToOne(() => Review, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'review_id' })
  review?: Relation<Review>;

  /** JSON Pointer of the field of the filing's content it is about ('' for the whole filing). */
  @Field({ description: 'JSON Pointer of the field of the content it is about, for example /risks/0 ("" for all).' })
  @Column({ name: 'field_path', type: 'text' })
  fieldPath: string;

  @Field(() => FindingSeverity)
  @Column({ type: 'varchar', length: 16 })
  severity: FindingSeverity;

  @Field({ description: 'The requirement the field falls short of (a provision, a guideline).' })
  @Column({ type: 'text' })
  requirement: string;

  @Field()
  @Column({ type: 'text' })
  comment: string;

  @Field(() => ID, { nullable: true, description: 'The regulator’s staff member who added it.' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
