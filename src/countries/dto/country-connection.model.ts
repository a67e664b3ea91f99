import { ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { Country } from '../country.entity.js';

@ObjectType()
export class CountryConnection extends Connection(Country) {}
