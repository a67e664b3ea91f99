import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../common/access/access.decorator.js';
import { Role } from '../common/access/role.js';
import type { Page } from '../common/pagination/connection.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditService } from './audit.service.js';
import { AuditEventConnection } from './dto/audit-event-connection.model.js';
import { AuditEventsArgs } from './dto/audit-events.args.js';
import { AuditTrailVerification } from './dto/audit-trail-verification.model.js';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first. Admins only.' })
  @Allow(Role.ADMIN)
  auditEvents(@Args() args: AuditEventsArgs): Promise<Page<AuditEvent>> {
    return this.audit.list(args);
  }

  @Query(() => AuditTrailVerification, {
    description:
      "Recomputes the audit trail's hash chain from the first event: names the first event that was changed, removed or inserted around the chain. Admins only.",
  })
  @Allow(Role.ADMIN)
  verifyAuditTrail(): Promise<AuditTrailVerification> {
    return this.audit.verify();
  }
}
