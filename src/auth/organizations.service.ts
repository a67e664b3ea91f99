import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction.js';
import { MembershipsRepository } from './memberships.repository.js';

/** What the modules owning organisations (companies, regulators) ask of auth, inside their own transaction. */
@Injectable()
export class OrganizationsService {
  constructor(private readonly memberships: MembershipsRepository) {}

  /** A new organisation of `kind` (a registered membership scope); its owner keeps the record under this id. */
  register(tx: Tx, kind: string): Promise<string> {
    return this.memberships.createOrganization(tx, kind);
  }

  addMember(tx: Tx, organizationId: string, userId: string): Promise<void> {
    return this.memberships.add(tx, userId, organizationId);
  }
}
