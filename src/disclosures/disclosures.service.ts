import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import type { Principal } from '../common/access/principal.js';
import {
  BadUserInputError,
  ConflictError,
  InvalidStateTransitionError,
  NotFoundError,
  type FieldProblem,
} from '../common/errors/app-errors.js';
import { Database } from '../database/database.js';
import { isForeignKeyViolation } from '../database/pg-errors.js';
import type { Tx } from '../database/transaction.js';
import { filesFor } from './disclosure-access.js';
import { DisclosureStatus, type AmendmentType } from './disclosure-terms.js';
import type { ConfidentialMark } from './disclosure.entity.js';
import { DisclosuresRepository, type DisclosureRow } from './disclosures.repository.js';
import type {
  ConfidentialFieldInput,
  CreateDisclosureDraftInput,
  UpdateDisclosureDraftInput,
} from './dto/disclosure.input.js';
import { canonicalHash, publicView } from './ledger/content-hash.js';
import { DisclosureTemplatesService, type TemplateRecord } from './templates/disclosure-templates.service.js';

/** Largest content a filing may hold, as JSON text. */
const MAX_CONTENT_BYTES = 512 * 1024;

/**
 * Drafts, submission and amendments. Only the company's filers act on its filings; to anyone else a draft does not
 * exist (NOT_FOUND), so that drafts leak nothing, not even their ids.
 */
@Injectable()
export class DisclosuresService {
  constructor(
    private readonly db: Database,
    private readonly disclosures: DisclosuresRepository,
    private readonly templates: DisclosureTemplatesService,
    private readonly writes: AuditedWrites,
  ) {}

  async createDraft(
    input: CreateDisclosureDraftInput,
    principal: Principal,
    actor: AuditActor,
    tx?: Tx,
  ): Promise<DisclosureRow> {
    if (!filesFor(principal, input.companyId)) throw new NotFoundError('company', input.companyId);
    const template = await this.template(input.templateKey, input.templateVersion ?? null);
    return this.db.within(tx, (tx) =>
      this.writes.create(
        tx,
        actor,
        { action: 'disclosure.create_draft', entityType: this.disclosures.entityType },
        () =>
          this.disclosures
            .insertDraft(tx, {
              companyId: input.companyId,
              aiSystemId: input.aiSystemId,
              templateKey: template.key,
              templateVersion: template.version,
              kind: template.kind,
              reportingPeriod: input.reportingPeriod,
              content: {},
              confidential: [],
              amendsId: null,
              amendmentType: null,
              amendmentReason: null,
              createdBy: actor.userId,
            })
            .catch((error: unknown) => {
              if (isForeignKeyViolation(error)) {
                throw BadUserInputError.field('input.aiSystemId', 'names no AI system of this company');
              }
              throw error;
            }),
      ),
    );
  }

  /** Replaces a draft's content and/or confidential marks; partial content is fine, wrong types are not. */
  async updateDraft(
    id: string,
    input: UpdateDisclosureDraftInput,
    principal: Principal,
    actor: AuditActor,
    tx?: Tx,
  ): Promise<DisclosureRow> {
    const draft = await this.ownDraft(id, principal, DisclosureStatus.DRAFT);
    const template = await this.template(draft.templateKey, draft.templateVersion);
    const content = input.content ?? (draft.content as object);
    const confidential = input.confidential ? this.marks(template, input.confidential) : draft.confidential;
    if (input.content) {
      if (Buffer.byteLength(JSON.stringify(content)) > MAX_CONTENT_BYTES) {
        throw BadUserInputError.field('input.content', `is larger than ${MAX_CONTENT_BYTES / 1024} KB`);
      }
      const problems = this.templates.draftProblems(template, content);
      if (problems.length) throw new BadUserInputError(problems.map((p) => contentProblem('input.content', p)));
    }
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.disclosures, id, 'disclosure.update_draft', async (before) => {
        if (before.status !== DisclosureStatus.DRAFT) throw moved(before, DisclosureStatus.DRAFT);
        await this.disclosures.setDraftContent(tx, id, content, confidential);
      }),
    );
  }

  async withdrawDraft(id: string, principal: Principal, actor: AuditActor, tx?: Tx): Promise<DisclosureRow> {
    await this.ownDraft(id, principal, DisclosureStatus.WITHDRAWN);
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.disclosures, id, 'disclosure.withdraw_draft', async (before) => {
        if (before.status !== DisclosureStatus.DRAFT) throw moved(before, DisclosureStatus.WITHDRAWN);
        await this.disclosures.setStatus(tx, id, DisclosureStatus.WITHDRAWN);
      }),
    );
  }

  /**
   * Files a complete draft: accession number, hashes and its place in the company's ledger, in one transaction.
   * Incomplete content is refused with every missing or invalid field, and the draft stays a draft.
   */
  async submit(id: string, principal: Principal, actor: AuditActor, tx?: Tx): Promise<DisclosureRow> {
    const draft = await this.ownDraft(id, principal, DisclosureStatus.SUBMITTED);
    const template = await this.template(draft.templateKey, draft.templateVersion);
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.disclosures, id, 'disclosure.submit', async (locked) => {
        // It was a draft a moment ago: someone else filed or withdrew it meanwhile. The same answer as for a
        // request that came a moment later and read it filed, so that it does not depend on timing.
        if (locked.status !== DisclosureStatus.DRAFT) throw moved(locked, DisclosureStatus.SUBMITTED);
        const problems = this.templates.submissionProblems(template, locked.content);
        if (problems.length) throw new BadUserInputError(problems.map((p) => contentProblem('content', p)));
        const view = publicView(locked.content, locked.confidential);
        const contentHash = canonicalHash(locked.content);
        const { accessionNumber, submittedAt } = await this.disclosures.nextAccessionNumber(tx);
        const { ledgerSeq, previousHash } = await this.disclosures.advanceLedger(tx, locked.companyId, contentHash);
        await this.disclosures.file(
          tx,
          id,
          {
            accessionNumber,
            submittedAt,
            ledgerSeq,
            contentHash,
            publicHash: canonicalHash(view),
            previousHash,
            publicContent: locked.confidential.length ? view : null,
          },
          view,
        );
      }),
    );
  }

  /**
   * A new draft amending a filing, pre-filled from the latest filed version of its chain. It points to the
   * original, never to another amendment.
   */
  async amend(
    targetId: string,
    type: AmendmentType,
    reason: string,
    principal: Principal,
    actor: AuditActor,
    tx?: Tx,
  ): Promise<DisclosureRow> {
    const [target] = await this.disclosures.byIds([targetId]);
    if (!target || !filesFor(principal, target.companyId)) throw new NotFoundError('disclosure', targetId);
    if (!target.submittedAt) throw new InvalidStateTransitionError('disclosure', target.status, 'amended');
    const originalId = target.amendsId ?? target.id;
    return this.db.within(tx, async (tx) => {
      const latest = (await this.disclosures.latestFiled(tx, originalId)) ?? target;
      return this.writes.create(
        tx,
        actor,
        { action: 'disclosure.amend', entityType: this.disclosures.entityType },
        () =>
          this.disclosures.insertDraft(tx, {
            companyId: latest.companyId,
            aiSystemId: latest.aiSystemId,
            templateKey: latest.templateKey,
            templateVersion: latest.templateVersion,
            kind: latest.kind,
            reportingPeriod: latest.reportingPeriod,
            content: latest.content as object,
            confidential: latest.confidential,
            amendsId: originalId,
            amendmentType: type,
            amendmentReason: reason.trim(),
            createdBy: actor.userId,
          }),
      );
    });
  }

  /**
   * Opens the review of a submitted filing (SUBMITTED -> UNDER_REVIEW), in the transaction of the module that
   * opens the review. A filing under review already is CONFLICT (one open review at a time); any other status,
   * INVALID_STATE_TRANSITION.
   */
  startReview(id: string, actor: AuditActor, tx: Tx): Promise<DisclosureRow> {
    return this.writes.update(tx, actor, this.disclosures, id, 'disclosure.start_review', async (locked) => {
      if (locked.status === DisclosureStatus.UNDER_REVIEW) {
        throw new ConflictError(`disclosure ${id} is under review already`, { status: locked.status });
      }
      if (locked.status !== DisclosureStatus.SUBMITTED) throw moved(locked, DisclosureStatus.UNDER_REVIEW);
      await this.disclosures.setStatus(tx, id, DisclosureStatus.UNDER_REVIEW);
    });
  }

  /**
   * Records the decision of a filing's review (UNDER_REVIEW -> ACCEPTED | REJECTED | AMENDMENT_REQUESTED), in the
   * reviewing module's transaction. Accepting a version of an amendment chain supersedes the chain's versions
   * accepted before it: the latest accepted version is the one that stands.
   */
  async recordDecision(id: string, status: DecidedStatus, actor: AuditActor, tx: Tx): Promise<DisclosureRow> {
    await this.disclosures.lockChain(tx, id);
    const decided = await this.writes.update(
      tx,
      actor,
      this.disclosures,
      id,
      DECISION_ACTIONS[status],
      async (locked) => {
        if (locked.status !== DisclosureStatus.UNDER_REVIEW) throw moved(locked, status);
        await this.disclosures.setStatus(tx, id, status);
      },
    );
    if (status !== DisclosureStatus.ACCEPTED) return decided;
    return this.supersedePreviousAccepted(decided, actor, tx);
  }

  /**
   * Marks SUPERSEDED the versions of `accepted`'s chain accepted before it (by ledger position); if a later
   * version stands accepted already, `accepted` itself is superseded at once. Returns `accepted` as it ends up.
   */
  private async supersedePreviousAccepted(accepted: DisclosureRow, actor: AuditActor, tx: Tx): Promise<DisclosureRow> {
    let standing = accepted;
    for (const other of await this.disclosures.acceptedInChain(tx, accepted.amendsId ?? accepted.id)) {
      if (other.id === accepted.id) continue;
      const older = other.ledgerSeq < accepted.ledgerSeq!;
      const superseded = await this.supersede(older ? other.id : accepted.id, actor, tx);
      if (!older) standing = superseded;
    }
    return standing;
  }

  private supersede(id: string, actor: AuditActor, tx: Tx): Promise<DisclosureRow> {
    return this.writes.update(tx, actor, this.disclosures, id, 'disclosure.supersede', async (locked) => {
      if (locked.status === DisclosureStatus.SUPERSEDED) return;
      if (locked.status !== DisclosureStatus.ACCEPTED) throw moved(locked, DisclosureStatus.SUPERSEDED);
      await this.disclosures.setStatus(tx, id, DisclosureStatus.SUPERSEDED);
    });
  }

  /** The caller's company's filing `id`, which must be a draft to become `to`; NOT_FOUND for anyone else. */
  private async ownDraft(id: string, principal: Principal, to: DisclosureStatus): Promise<DisclosureRow> {
    const [row] = await this.disclosures.byIds([id]);
    if (!row || !filesFor(principal, row.companyId)) throw new NotFoundError('disclosure', id);
    if (row.status !== DisclosureStatus.DRAFT) throw new InvalidStateTransitionError('disclosure', row.status, to);
    return row;
  }

  private async template(key: string, version: number | null): Promise<TemplateRecord> {
    const template = version === null ? await this.templates.latest(key) : await this.templates.find(key, version);
    if (!template) {
      throw BadUserInputError.field(
        version === null ? 'input.templateKey' : 'input.templateVersion',
        `names no published template (${key}${version === null ? '' : `@${version}`})`,
      );
    }
    return template;
  }

  /** Confidential marks the template allows, de-duplicated by path; each refusal names its entry. */
  private marks(template: TemplateRecord, marks: ConfidentialFieldInput[]): ConfidentialMark[] {
    const problems: FieldProblem[] = [];
    const byPath = new Map<string, ConfidentialMark>();
    marks.forEach((mark, index) => {
      if (!this.templates.confidentialAllowed(template, mark.path)) {
        problems.push({
          field: `input.confidential.${index}.path`,
          message: `${mark.path} may not be marked confidential under ${template.key}@${template.version}`,
        });
      }
      byPath.set(mark.path, { path: mark.path, reason: mark.reason });
    });
    if (problems.length) throw new BadUserInputError(problems);
    return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

/** The statuses a review's decision gives a filing. */
export type DecidedStatus =
  DisclosureStatus.ACCEPTED | DisclosureStatus.REJECTED | DisclosureStatus.AMENDMENT_REQUESTED;

const DECISION_ACTIONS: Record<DecidedStatus, string> = {
  [DisclosureStatus.ACCEPTED]: 'disclosure.accept',
  [DisclosureStatus.REJECTED]: 'disclosure.reject',
  [DisclosureStatus.AMENDMENT_REQUESTED]: 'disclosure.request_amendment',
};

function moved(row: DisclosureRow, to: DisclosureStatus): InvalidStateTransitionError {
  return new InvalidStateTransitionError('disclosure', row.status, to);
}

/** A content problem as a field problem: the argument, and the JSON Pointer inside it. */
function contentProblem(field: string, problem: { path: string; message: string }): FieldProblem {
  return { field, path: problem.path, message: `${problem.path || '/'} ${problem.message}` };
}
