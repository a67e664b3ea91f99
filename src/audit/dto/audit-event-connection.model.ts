import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { AuditEvent } from '../audit-event.entity.js';

@ObjectType()
export class AuditEventConnection extends Connection(AuditEvent) {}
