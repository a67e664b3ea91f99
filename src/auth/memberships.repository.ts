import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { firstRow } from '../database/sql-runner.js';
import type { Tx } from '../database/transaction.js';
import { Membership } from './membership.entity.js';
import { PrincipalCache } from './principal-cache.js';

/** Owns organization and user_membership: who is a member of which organisation. */
@Injectable()
export class MembershipsRepository {
  constructor(
    private readonly db: Database,
    private readonly callers: PrincipalCache,
  ) {}

  async createOrganization(tx: Tx, kind: string): Promise<string> {
    const [{ id }] = await tx.rows<{ id: string }>(`INSERT INTO organization (kind) VALUES ($1) RETURNING id`, [kind]);
    return id;
  }

  async organizationExists(tx: Tx, kind: string, id: string): Promise<boolean> {
    const rows = await tx.rows(`SELECT 1 FROM organization WHERE id = $1 AND kind = $2`, [id, kind]);
    return rows.length > 0;
  }

  /** Makes `userId` a member of `organizationId`; a membership that exists already is left as it is. */
  async add(tx: Tx, userId: string, organizationId: string): Promise<void> {
    this.callers.forgetOnCommit(tx);
    await tx.rows(
      `INSERT INTO user_membership (user_id, organization_id) VALUES ($1, $2)
       ON CONFLICT (user_id, organization_id) DO NOTHING`,
      [userId, organizationId],
    );
  }

  find(id: string): Promise<Membership | undefined> {
    return firstRow<Membership>(
      this.db.reads,
      `SELECT ${this.db.columns(Membership, 'm')}, o.kind AS "organizationKind"
       FROM user_membership m JOIN organization o ON o.id = m.organization_id WHERE m.id = $1`,
      [id],
    );
  }

  async remove(tx: Tx, id: string): Promise<void> {
    this.callers.forgetOnCommit(tx);
    await tx.rows(`DELETE FROM user_membership WHERE id = $1`, [id]);
  }
}
