import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { DisclosureRequirement } from '../disclosure-requirement.entity.js';

@ObjectType()
export class DisclosureRequirementConnection extends Connection(DisclosureRequirement) {}
