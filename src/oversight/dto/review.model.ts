import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import type { ListedDisclosure } from '../../disclosures/disclosure-search.repository.js';
import { DisclosureView } from '../../disclosures/dto/disclosure.model.js';

@ObjectType({ description: 'A filing awaiting review, and how long it has waited.' })
export class ReviewQueueItem {
  @Field(() => DisclosureView)
  disclosure: ListedDisclosure;

  @Field({ description: 'When it was submitted: since then it awaits a review.' })
  waitingSince: Date;

  @Field(() => Int, { description: 'Whole days elapsed since submission.' })
  ageDays: number;
}

@ObjectType()
export class ReviewQueueConnection extends Connection(ReviewQueueItem) {}
