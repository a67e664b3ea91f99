import { Field, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { Certification } from '../certification.entity.js';
import { CertificationStatus } from '../oversight-terms.js';

@ObjectType('CertificationStatusChange', {
  description: 'One status a certification took: from what, to what, when and why.',
})
export class CertificationStatusChangeView {
  @Field(() => CertificationStatus, { nullable: true, description: 'Null for the status it was issued in.' })
  fromStatus: CertificationStatus | null;

  @Field(() => CertificationStatus)
  toStatus: CertificationStatus;

  @Field()
  reason: string;

  @Field()
  changedAt: Date;
}

@ObjectType()
export class CertificationConnection extends Connection(Certification) {}
