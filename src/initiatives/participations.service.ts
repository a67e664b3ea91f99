import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { BadUserInputError, ConflictError, InvalidStateTransitionError } from '../common/errors/app-errors.js';
import { Database } from '../database/database.js';
import { isExclusionViolation, isForeignKeyViolation } from '../database/pg-errors.js';
import type { Tx } from '../database/transaction.js';
import { DatePrecision } from './date-precision.js';
import type {
  EndParticipationInput,
  RecordParticipationInput,
  RetractParticipationArgs,
} from './dto/participation.input.js';
import { InitiativesRepository } from './initiatives.repository.js';
import type { Participation } from './participation.entity.js';
import { ParticipationsRepository, type NewParticipation } from './participations.repository.js';

/**
 * Curation of participation. Nothing is changed in place or deleted: a row is recorded, and later retracted with
 * a reason; ending or correcting a row retracts it and records its replacement in the same transaction.
 */
@Injectable()
export class ParticipationsService {
  constructor(
    private readonly db: Database,
    private readonly participations: ParticipationsRepository,
    private readonly initiatives: InitiativesRepository,
    private readonly writes: AuditedWrites,
  ) {}

  record(input: RecordParticipationInput, actor: AuditActor, tx?: Tx): Promise<Participation> {
    const validTo = input.validTo ?? null;
    if (validTo !== null && validTo <= input.validFrom) {
      throw BadUserInputError.field('input.validTo', `must be after validFrom (${input.validFrom})`);
    }
    if (validTo === null && input.validToPrecision) {
      throw BadUserInputError.field('input.validToPrecision', 'is given only with validTo');
    }
    if (Boolean(input.correctsId) !== Boolean(input.correctionReason?.trim())) {
      throw BadUserInputError.field(
        input.correctsId ? 'input.correctionReason' : 'input.correctsId',
        'is required with the other: a correction names the row it corrects and why',
      );
    }
    return this.db.within(tx, async (tx) => {
      const initiative = await this.initiatives.byKey(tx, input.initiativeKey, true);
      if (!initiative)
        throw BadUserInputError.field('input.initiativeKey', `names no initiative: "${input.initiativeKey}"`);
      if (input.correctsId)
        await this.retract({ id: input.correctsId, reason: input.correctionReason! }, actor, tx, true);
      return this.insert(tx, actor, {
        partyCode: input.partyCode.toUpperCase(),
        initiativeId: initiative.id,
        role: input.role,
        validFrom: input.validFrom,
        validFromPrecision: input.validFromPrecision ?? DatePrecision.DAY,
        validTo,
        validToPrecision: validTo === null ? null : (input.validToPrecision ?? DatePrecision.DAY),
        sourceUrl: input.sourceUrl,
        sourceTitle: input.sourceTitle?.trim() || null,
        sourceNote: input.sourceNote?.trim() || null,
        supersedesId: input.correctsId ?? null,
      });
    });
  }

  /** Ends a live, open row on `validTo`: the row is retracted and replaced by the same fact with its end. */
  end(input: EndParticipationInput, actor: AuditActor, tx?: Tx): Promise<Participation> {
    return this.db.within(tx, async (tx) => {
      let ended: Participation | undefined;
      await this.writes.update(tx, actor, this.participations, input.id, 'participation.end', async (before) => {
        if (before.retractedAt !== null) throw new InvalidStateTransitionError('participation', 'retracted', 'ended');
        if (before.validTo !== null) throw new InvalidStateTransitionError('participation', 'ended', 'ended');
        if (input.validTo <= before.validFrom) {
          throw BadUserInputError.field('input.validTo', `must be after validFrom (${before.validFrom})`);
        }
        ended = before;
        await this.participations.retract(tx, before.id, `ended on ${input.validTo}`);
      });
      const old = ended!;
      return this.insert(tx, actor, {
        ...old,
        validTo: input.validTo,
        validToPrecision: input.validToPrecision ?? DatePrecision.DAY,
        sourceUrl: input.sourceUrl ?? old.sourceUrl,
        sourceNote: input.sourceNote?.trim() || old.sourceNote,
        supersedesId: old.id,
      });
    });
  }

  /**
   * Retracts a row with a reason. Retracting a retracted row changes nothing and records nothing, unless
   * `mustBeLive` (a correction must replace a row the registry still holds).
   */
  retract(args: RetractParticipationArgs, actor: AuditActor, tx?: Tx, mustBeLive = false): Promise<Participation> {
    const reason = args.reason.trim();
    if (!reason) throw BadUserInputError.field('reason', 'must not be blank');
    return this.db.within(tx, (tx) =>
      this.writes.update(tx, actor, this.participations, args.id, 'participation.retract', async (before) => {
        if (before.retractedAt !== null && mustBeLive) {
          throw new InvalidStateTransitionError('participation', 'retracted', 'corrected');
        }
        await this.participations.retract(tx, before.id, reason);
      }),
    );
  }

  private insert(tx: Tx, actor: AuditActor, row: NewParticipation): Promise<Participation> {
    return this.writes.create(
      tx,
      actor,
      { action: 'participation.record', entityType: this.participations.entityType },
      () =>
        this.participations.insert(tx, row).catch((error: unknown) => {
          if (isExclusionViolation(error)) {
            throw new ConflictError(
              `${row.partyCode} already takes part as ${row.role} in a period that overlaps this one; end, retract or correct that row first`,
            );
          }
          if (isForeignKeyViolation(error))
            throw BadUserInputError.field('input.partyCode', `names no party: "${row.partyCode}"`);
          throw error;
        }),
    );
  }
}
