import { Injectable } from '@nestjs/common';
import diff from 'microdiff';
import type { Principal } from '../common/access/principal.js';
import { BadUserInputError, NotFoundError } from '../common/errors/app-errors.js';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { ConfidentialReaders } from './confidential-readers.js';
import { filesFor } from './disclosure-access.js';
import { DisclosureSearchRepository, type DraftRow, type ListedDisclosure } from './disclosure-search.repository.js';
import { DisclosuresRepository, type DisclosureRow } from './disclosures.repository.js';
import type { CompanyDraftsArgs, DisclosureArgs, DisclosureFilter, DisclosuresArgs } from './dto/disclosure.args.js';
import type { DisclosureChange } from './dto/disclosure.model.js';
import { publicView } from './ledger/content-hash.js';

/** What a caller may read of filings: the public sees filed ones without confidential fields; filers see more. */
@Injectable()
export class DisclosureReadsService {
  constructor(
    private readonly disclosures: DisclosuresRepository,
    private readonly search: DisclosureSearchRepository,
    private readonly readers: ConfidentialReaders,
  ) {}

  async list(args: DisclosuresArgs, withContent: boolean): Promise<Page<ListedDisclosure>> {
    const filter = args.filter ?? {};
    if (filter.submittedFrom && filter.submittedTo && filter.submittedFrom >= filter.submittedTo) {
      throw BadUserInputError.field('filter.submittedTo', 'must be after filter.submittedFrom');
    }
    const rows = await this.search.page(filter, args.first, args.after, withContent);
    return toPage(
      rows,
      args.first,
      (row) => (filter.text ? [row.rank!, row.submittedMicros, row.id] : [row.submittedMicros, row.id]),
      !!args.after,
      () => this.search.count(filter),
    );
  }

  count(filter: DisclosureFilter): Promise<number> {
    return this.search.count(filter);
  }

  /** A company's drafts, newest first (the caller was checked to be one of its filers). */
  async drafts(args: CompanyDraftsArgs): Promise<Page<DraftRow>> {
    const rows = await this.search.drafts(args.companyId, args.first, args.after);
    return toPage(
      rows,
      args.first,
      (row) => [row.createdMicros, row.id],
      !!args.after,
      () => this.search.draftCount(args.companyId),
    );
  }

  /** One filing by id or accession number; a draft only for its company's filers (null for anyone else). */
  async one(args: DisclosureArgs, principal: Principal | null): Promise<DisclosureRow | null> {
    if (!args.id === !args.accessionNumber) {
      throw BadUserInputError.field('id', 'give exactly one of id and accessionNumber');
    }
    const row = args.id
      ? (await this.disclosures.byIds([args.id]))[0]
      : await this.disclosures.byAccessionNumber(args.accessionNumber!);
    return row && this.visible(row, principal) ? row : null;
  }

  /** Rows by id for a loader: each one the caller may see, else null. */
  async byIds(ids: readonly string[], principal: Principal | null): Promise<(DisclosureRow | null)[]> {
    const rows = await this.disclosures.byIds(ids);
    return rows.map((row) => (row && this.visible(row, principal) ? row : null));
  }

  /** The amendment chain of a filing: its original, then each amendment in the order filed. */
  async history(accessionNumber: string, principal: Principal | null): Promise<DisclosureRow[]> {
    const row = await this.disclosures.byAccessionNumber(accessionNumber);
    if (!row) return [];
    return this.disclosures.chain(row.amendsId ?? row.id, filesFor(principal, row.companyId));
  }

  /** The fields that differ between two filings the caller may see, as the caller sees them. */
  async diff(fromId: string, toId: string, principal: Principal | null): Promise<DisclosureChange[]> {
    const [from, to] = await this.byIds([fromId, toId], principal);
    if (!from) throw new NotFoundError('disclosure', fromId);
    if (!to) throw new NotFoundError('disclosure', toId);
    const inFull = await this.readers.mayRead(principal, [from, to]);
    const before = (inFull[0] ? from.content : publicView(from.content, from.confidential)) as Record<string, unknown>;
    const after = (inFull[1] ? to.content : publicView(to.content, to.confidential)) as Record<string, unknown>;
    return diff(before, after).map((change) => ({
      path: toPointer(change.path),
      change: change.type === 'CREATE' ? 'ADDED' : change.type === 'REMOVE' ? 'REMOVED' : 'CHANGED',
      oldValue: change.type === 'CREATE' ? null : (change.oldValue as unknown),
      newValue: change.type === 'REMOVE' ? null : (change.value as unknown),
    }));
  }

  /**
   * The content as `principal` may see it: in full for its confidential readers (the company's filers, regulators
   * in scope), else the public view. Synchronous when nothing is withheld or nobody is signed in, which is most
   * reads; otherwise the filings of one answer are checked together, and a listed row (which holds the public
   * view only) has its full content loaded with the others of its page.
   */
  contentFor(row: DisclosureRow | ListedDisclosure, principal: Principal | null, loaders: LoaderRegistry): unknown {
    const publicContent = () => ('content' in row ? publicView(row.content, row.confidential) : row.publicContent);
    if (!row.confidential.length) return 'content' in row ? row.content : row.publicContent;
    if (!principal) return publicContent();
    if ('content' in row && filesFor(principal, row.companyId)) return row.content;
    return this.readers
      .loader(loaders, principal)
      .load(row)
      .then((inFull) => {
        if (!inFull) return publicContent();
        if ('content' in row) return row.content;
        return loaders.get<string, unknown>('disclosure:content', (ids) => this.disclosures.contents(ids)).load(row.id);
      });
  }

  private visible(row: DisclosureRow, principal: Principal | null): boolean {
    return row.submittedAt !== null || filesFor(principal, row.companyId);
  }
}

/** RFC 6901: each token with ~ as ~0 and / as ~1. */
function toPointer(path: (string | number)[]): string {
  return path.map((token) => '/' + String(token).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}
