import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../../audit/audited-writes.js';
import type { AuditActor } from '../../common/access/audit-actor.js';
import { BadUserInputError } from '../../common/errors/app-errors.js';
import { Database } from '../../database/database.js';
import { isUniqueViolation } from '../../database/pg-errors.js';
import type { Tx } from '../../database/transaction.js';
import type { ContentProblem } from './content-problems.js';
import { ContentValidators } from './content-validators.js';
import { DisclosureTemplatesRepository } from './disclosure-templates.repository.js';
import type { PublishDisclosureTemplateInput } from './dto/publish-template.input.js';
import { isAtOrBelow } from './json-pointer.js';
import { requiredFields } from './schema-fields.js';
import { contractProblems, type TemplateSection } from './template-checks.js';
import { isFrozenTemplate, TemplateVersionInUseError, TemplateVersionTakenError } from './template-errors.js';
import { templateId, type TemplateRecord, type TemplateSnapshot, type TemplateVersion } from './template-record.js';

export type { ContentProblem } from './content-problems.js';
export type { TemplateRecord } from './template-record.js';

/** A small, curated list: every version of every regime fits in one answer. */
export const MAX_LISTED_TEMPLATES = 500;

/** The stored form of a template, from what its publisher gave; throws BAD_USER_INPUT naming each problem. */
export function templateVersion(input: Omit<TemplateVersion, 'requiredFields'>): TemplateVersion {
  const problems = contractProblems(input);
  if (problems.length > 0) throw new BadUserInputError(problems);
  const sections = [...input.sections]
    .sort((a, b) => a.order - b.order)
    .map((section: TemplateSection) => ({
      key: section.key,
      title: section.title,
      order: section.order,
      description: section.description ?? null,
    }));
  return { ...input, sections, requiredFields: requiredFields(input.schema) };
}

/** The stored parts of two versions are the same: publishing one over the other would change nothing. */
function sameVersion(stored: TemplateSnapshot, next: TemplateVersion): boolean {
  const { id: _id, publishedAt: _publishedAt, ...parts } = stored;
  return isDeepStrictEqual({ ...parts }, { ...next });
}

/**
 * Disclosure templates: versioned data that says what a filing must contain. Reads them, checks content against
 * them (drafts may be incomplete, submissions may not), and publishes new versions.
 */
@Injectable()
export class DisclosureTemplatesService {
  private readonly validators = new ContentValidators();

  constructor(
    private readonly db: Database,
    private readonly templates: DisclosureTemplatesRepository,
    private readonly writes: AuditedWrites,
  ) {}

  async find(key: string, version: number): Promise<TemplateRecord | null> {
    return (await this.templates.find(key, version)) ?? null;
  }

  async latest(key: string): Promise<TemplateRecord | null> {
    return (await this.templates.latest(key)) ?? null;
  }

  /** A version of `key`, the latest when `version` is null. */
  lookup(key: string, version: number | null): Promise<TemplateRecord | null> {
    return version === null ? this.latest(key) : this.find(key, version);
  }

  list(key: string | null): Promise<TemplateRecord[]> {
    return this.templates.list(key, MAX_LISTED_TEMPLATES);
  }

  inUse(versions: readonly { key: string; version: number }[]): Promise<boolean[]> {
    return this.templates.inUse(versions);
  }

  /**
   * What is wrong with a draft's content: wrong types, unknown fields, too long text, values outside an enum. What
   * is missing is not (required, minItems, minLength, minProperties, dependentRequired are left for submission).
   */
  draftProblems(template: TemplateRecord, content: unknown): ContentProblem[] {
    return this.validators.draftProblems(template, content);
  }

  /** Everything wrong with content submitted under `template`, missing fields included. */
  submissionProblems(template: TemplateRecord, content: unknown): ContentProblem[] {
    return this.validators.submissionProblems(template, content);
  }

  /** Whether a filer may mark the field at `path` (a JSON Pointer into the content) confidential. */
  confidentialAllowed(template: TemplateRecord, path: string): boolean {
    return template.confidentialFields.some((field) => isAtOrBelow(path, field));
  }

  /**
   * Publishes the next version of a key (1 for a new key), or publishes an existing version again while no filing
   * uses it (it is replaced; the same content changes nothing). A version a filing uses is a CONFLICT.
   */
  publish(input: PublishDisclosureTemplateInput, actor: AuditActor, tx?: Tx): Promise<TemplateRecord> {
    const next = templateVersion(input);
    return this.db.within(tx, async (tx) => {
      const latest = await this.templates.latestVersion(tx, next.key);
      if (next.version === latest + 1) {
        return this.writes.create(
          tx,
          actor,
          { action: 'disclosure_template.publish', entityType: this.templates.entityType },
          () =>
            this.templates.insert(tx, next).catch((error: unknown) => {
              throw isUniqueViolation(error) ? new TemplateVersionTakenError(next.key, next.version) : error;
            }),
        );
      }
      if (next.version > latest) {
        throw BadUserInputError.field(
          'input.version',
          latest === 0
            ? `must be 1: ${next.key} is a new template`
            : `must be ${latest + 1} (the next version of ${next.key}) or a published version no filing uses`,
        );
      }
      const id = templateId(next.key, next.version);
      return this.writes.update(tx, actor, this.templates, id, 'disclosure_template.replace', async (stored) => {
        if (sameVersion(stored, next)) return;
        // The row is locked: no filing can start using it before this transaction ends.
        if ((await this.templates.inUse([next], tx))[0]) throw new TemplateVersionInUseError(next.key, next.version);
        await this.templates.replace(tx, next).catch((error: unknown) => {
          throw isFrozenTemplate(error) ? new TemplateVersionInUseError(next.key, next.version) : error;
        });
      });
    });
  }
}
