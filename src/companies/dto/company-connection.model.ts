import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { Company } from '../company.entity.js';

@ObjectType()
export class CompanyConnection extends Connection(Company) {}
