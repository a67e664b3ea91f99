import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import type { Principal } from '../common/access/principal.js';
import { todayUtc } from '../common/dates.js';
import { BadUserInputError, InvalidStateTransitionError, NotFoundError } from '../common/errors/app-errors.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { CompaniesService } from '../companies/companies.service.js';
import { Database } from '../database/database.js';
import type { Tx } from '../database/transaction.js';
import { canMoveCertification } from './certification-status.js';
import { CertificationsRepository, type CertificationRow } from './certifications.repository.js';
import type { CertificationFilter, CertificationsArgs } from './dto/certification.args.js';
import type { IssueCertificationInput } from './dto/certification.input.js';
import { OversightScopeService } from './oversight-scope.service.js';
import { CertificationStatus } from './oversight-terms.js';

/**
 * Certifications: issued by a regulator to a company (or one of its AI systems) in its jurisdiction, then moved
 * along their states by the issuer's staff. Every refusal comes before anything changes.
 */
@Injectable()
export class CertificationsService {
  constructor(
    private readonly db: Database,
    private readonly certifications: CertificationsRepository,
    private readonly companies: CompaniesService,
    private readonly scope: OversightScopeService,
    private readonly writes: AuditedWrites,
  ) {}

  async list(args: CertificationsArgs): Promise<Page<CertificationRow>> {
    const filter = lowerIds(args.filter ?? {});
    const rows = await this.certifications.page(filter, args.first, args.after);
    return toPage(
      rows,
      args.first,
      (row) => [row.expiresOn, row.id],
      !!args.after,
      () => this.certifications.count(filter),
    );
  }

  async find(id: string): Promise<CertificationRow | null> {
    return (await this.certifications.byIds([id.toLowerCase()]))[0];
  }

  async issue(
    input: IssueCertificationInput,
    principal: Principal,
    actor: AuditActor,
    tx?: Tx,
  ): Promise<CertificationRow> {
    const regulator = await this.scope.actingRegulator(principal, input.regulatorId?.toLowerCase());
    const companyId = input.companyId.toLowerCase();
    const aiSystemId = input.aiSystemId?.toLowerCase() ?? null;
    const today = todayUtc();
    const issuedOn = input.issuedOn ?? today;
    if (issuedOn > today) throw BadUserInputError.field('input.issuedOn', 'must not be in the future');
    if (input.expiresOn <= issuedOn) throw BadUserInputError.field('input.expiresOn', 'must be after issuedOn');
    const [company] = await this.companies.byIds([companyId]);
    if (!company) throw BadUserInputError.field('input.companyId', 'names no company');
    if (aiSystemId) {
      const [system] = await this.companies.aiSystemsByIds([aiSystemId]);
      if (system?.companyId !== companyId) {
        throw BadUserInputError.field('input.aiSystemId', 'names no AI system of this company');
      }
      await this.scope.requireSystem(regulator, aiSystemId);
    } else {
      await this.scope.requireCompany(regulator, companyId);
    }
    const status = input.activate ? CertificationStatus.ACTIVE : CertificationStatus.PENDING;
    return this.db.within(tx, (tx) =>
      this.writes.create(
        tx,
        actor,
        { action: 'certification.issue', entityType: this.certifications.entityType },
        async () => {
          const created = await this.certifications.insert(tx, {
            regulatorId: regulator.id,
            companyId,
            aiSystemId,
            scheme: input.scheme.trim(),
            regime: input.regime,
            status,
            issuedOn,
            expiresOn: input.expiresOn,
          });
          await this.certifications.addHistory(tx, {
            certificationId: created.id,
            from: null,
            to: status,
            reason: 'issued',
            changedBy: actor.userId,
          });
          return created;
        },
      ),
    );
  }

  /**
   * Moves a certification to `to`, for the staff of its issuer. The move is checked against the status as read
   * under the row's lock, so that of two concurrent moves the second sees the first.
   */
  async changeStatus(
    id: string,
    to: CertificationStatus,
    reason: string,
    principal: Principal,
    actor: AuditActor,
    tx?: Tx,
  ): Promise<CertificationRow> {
    const certification = await this.find(id);
    if (!certification) throw new NotFoundError('certification', id);
    await this.scope.actingRegulator(principal, certification.regulatorId);
    return this.db.within(tx, (tx) =>
      this.writes.update(
        tx,
        actor,
        this.certifications,
        certification.id,
        'certification.change_status',
        async (before) => {
          if (!canMoveCertification(before.status, to)) {
            throw new InvalidStateTransitionError('certification', before.status, to);
          }
          await this.certifications.setStatus(tx, before.id, to);
          await this.certifications.addHistory(tx, {
            certificationId: before.id,
            from: before.status,
            to,
            reason: reason.trim(),
            changedBy: actor.userId,
          });
        },
      ),
    );
  }
}

/** Ids as stored (a client may write a uuid in capitals), so that filters and loaders match them. */
function lowerIds(filter: CertificationFilter): CertificationFilter {
  return {
    ...filter,
    companyId: filter.companyId?.toLowerCase(),
    aiSystemId: filter.aiSystemId?.toLowerCase(),
    regulatorId: filter.regulatorId?.toLowerCase(),
  };
}
