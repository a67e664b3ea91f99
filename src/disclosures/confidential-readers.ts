import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { Principal } from '../common/access/principal.js';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import { filesFor } from './disclosure-access.js';

/** What a rule is told of a filing. */
export interface FilingRef {
  id: string;
  companyId: string;
  aiSystemId: string;
}

/** For each filing, whether `principal` may read it in full; called once per batch of filings. */
export type ConfidentialReaderRule = (principal: Principal, filings: readonly FilingRef[]) => Promise<boolean[]>;

/**
 * Who reads a filed disclosure in full (its confidential fields, its reviews' findings, its audit events): the
 * company's filers, and whoever a rule registered by a module above this one admits. Oversight registers the
 * regulators whose jurisdiction covers the filing's AI system; this module cannot ask it, being below it.
 */
@Injectable()
export class ConfidentialReaders {
  private readonly rules: ConfidentialReaderRule[] = [];

  /** Called once per rule, at start-up (a module's onModuleInit). */
  register(rule: ConfidentialReaderRule): void {
    this.rules.push(rule);
  }

  /**
   * The request's loader: the filings of one answer are asked about together, so a page of 100 costs each rule
   * one call (and nothing at all for an anonymous caller or a filer of the company).
   */
  loader(loaders: LoaderRegistry, principal: Principal | null): DataLoader<FilingRef, boolean, string> {
    return loaders.get<FilingRef, boolean, string>(
      'disclosure:confidential-readers',
      (filings) => this.mayRead(principal, filings),
      { cacheKeyFn: (filing) => filing.id },
    );
  }

  async mayRead(principal: Principal | null, filings: readonly FilingRef[]): Promise<boolean[]> {
    const answers = filings.map((filing) => filesFor(principal, filing.companyId));
    if (!principal) return answers;
    for (const rule of this.rules) {
      const undecided = filings.filter((_, index) => !answers[index]);
      if (!undecided.length) break;
      const verdicts = await rule(principal, undecided);
      let next = 0;
      answers.forEach((answer, index) => {
        if (!answer) answers[index] = verdicts[next++] ?? false;
      });
    }
    return answers;
  }
}
