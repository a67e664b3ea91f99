import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import { ReviewsRepository, type FindingRow, type ReviewRow } from './reviews.repository.js';

/** The per-request DataLoaders of reviews. */
@Injectable()
export class ReviewsLoaders {
  constructor(private readonly reviews: ReviewsRepository) {}

  /** Each filing's reviews, oldest first, batched over a page of filings. */
  reviewsOfDisclosure(loaders: LoaderRegistry): DataLoader<string, ReviewRow[]> {
    return loaders.get('review:of-disclosure', (ids) => this.reviews.ofDisclosures(ids));
  }

  /** Each review's findings (at most MAX_FINDINGS_PER_REVIEW), in the order added. */
  findingsOfReview(loaders: LoaderRegistry): DataLoader<string, FindingRow[]> {
    return loaders.get('review:findings', (ids) => this.reviews.findingsOf(ids));
  }
}
