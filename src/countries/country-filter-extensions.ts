import { Injectable } from '@nestjs/common';
import type { FieldProblem } from '../common/errors/app-errors.js';
import type { SqlFilter } from '../database/sql-filter.js';
import type { CountryFilter } from './dto/countries.args.js';

/**
 * Conditions on countries that a higher module adds to CountryFilter (initiatives adds `initiativeKey`,
 * `minInitiatives`...), so that this module names no feature: the owner declares the input fields on
 * CountryFilter when its files load, and registers here how they filter.
 */
export interface CountryFilterExtension {
  /** Adds its conditions on the country under alias `c` (placeholders from `where`), for the fields it declared. */
  apply(filter: CountryFilter, where: SqlFilter, asOf: string): void;
  /** After a read matched nothing: the first of its fields that names something that does not exist. */
  unknownReference(filter: CountryFilter): Promise<FieldProblem | null>;
}

@Injectable()
export class CountryFilterExtensions {
  private readonly extensions: CountryFilterExtension[] = [];

  add(extension: CountryFilterExtension): void {
    this.extensions.push(extension);
  }

  apply(filter: CountryFilter, where: SqlFilter, asOf: string): void {
    for (const extension of this.extensions) extension.apply(filter, where, asOf);
  }

  async unknownReference(filter: CountryFilter): Promise<FieldProblem | null> {
    for (const extension of this.extensions) {
      const problem = await extension.unknownReference(filter);
      if (problem) return problem;
    }
    return null;
  }
}
