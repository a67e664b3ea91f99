import { Injectable } from '@nestjs/common';
import { todayUtc } from '../common/dates.js';
import { BadUserInputError } from '../common/errors/app-errors.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { CountriesService } from '../countries/countries.service.js';
import type { CountryFilter } from '../countries/dto/countries.args.js';
import type { SqlFilter } from '../database/sql-filter.js';
import type { ChangesArgs, DistributionArgs, MatrixArgs } from './dto/analytics.args.js';
import {
  ParticipationChangeKind,
  type ParticipationChange,
  type ParticipationDistribution,
  type ParticipationMatrixRow,
} from './dto/analytics.model.js';
import { InitiativesService } from './initiatives.service.js';
import { ParticipationAnalyticsRepository, type CountryScope } from './participation-analytics.repository.js';

const DAY_MS = 86_400_000;

/** The first calendar day (UTC) whose midnight is at or after `instant`. */
function firstDayFrom(instant: Date): string {
  return new Date(Math.ceil(instant.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** An instant as this list's cursors write it: UTC, to the microsecond. */
const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const CHANGE_KINDS = new Set<string>(Object.values(ParticipationChangeKind));

/** Participation across countries and initiatives: Figure 12's distribution, the matrix, and what changed. */
@Injectable()
export class ParticipationAnalyticsService {
  constructor(
    private readonly analytics: ParticipationAnalyticsRepository,
    private readonly countries: CountriesService,
    private readonly initiatives: InitiativesService,
  ) {}

  async distribution(args: DistributionArgs, today: string = todayUtc()): Promise<ParticipationDistribution> {
    const asOf = args.asOf ?? today;
    const keys = args.initiativeKeys ? [...new Set(args.initiativeKeys.map((key) => key.toLowerCase()))] : null;
    const filter: CountryFilter = { groupKey: args.groupKey ?? null, unMember: args.unMembersOnly ? true : null };
    const rows = await this.analytics.distribution(this.scope(filter, asOf), keys, {
      asOf,
      knownAt: args.knownAt ?? null,
    });
    const selected = rows[0]?.selected ?? 0;
    if (keys && selected < keys.length) await this.checkKeys(keys, 'initiativeKeys');
    const total = rows.reduce((sum, row) => sum + row.countryCount, 0);
    if (total === 0) await this.countries.checkReferences(filter, 'args');
    return {
      total,
      initiativeCount: selected,
      asOf,
      buckets: rows.map((row) => ({
        initiativeCount: row.initiativeCount,
        countryCount: row.countryCount,
        countryCodes: row.countries,
      })),
    };
  }

  async matrix(args: MatrixArgs, today: string = todayUtc()): Promise<Page<ParticipationMatrixRow>> {
    const asOf = args.asOf ?? today;
    const keys = args.initiativeKeys ? [...new Set(args.initiativeKeys.map((key) => key.toLowerCase()))] : null;
    const filter = args.countryFilter ?? {};
    const afterIso3 = args.after ? decodeCursor(args.after, ['text'])[0] : null;
    const scope = this.scope(filter, asOf);
    const rows = await this.analytics.matrixPage(
      scope,
      keys,
      { asOf, knownAt: args.knownAt ?? null },
      afterIso3,
      args.first + 1,
    );
    // The statement counts the selected initiatives: the keys are looked up again only when one may be missing.
    if (keys && (rows.length === 0 || (rows[0].selected ?? 0) < keys.length)) {
      await this.checkKeys(keys, 'initiativeKeys');
    }
    if (rows.length === 0) await this.countries.checkReferences(filter, 'countryFilter');
    return toPage(
      rows as ParticipationMatrixRow[],
      args.first,
      (row) => [row.iso3],
      afterIso3 !== null,
      () => this.analytics.countCountries(scope),
    );
  }

  async changes(args: ChangesArgs): Promise<Page<ParticipationChange>> {
    const to = args.to ?? new Date();
    if (to.getTime() <= args.from.getTime()) throw BadUserInputError.field('to', 'must be after from');
    let after: { at: string; kind: string; id: string } | null = null;
    if (args.after) {
      const [at, kind, id] = decodeCursor(args.after, ['text', 'text', 'uuid']);
      if (!CURSOR_INSTANT.test(at) || Number.isNaN(new Date(at).getTime()) || !CHANGE_KINDS.has(kind)) {
        throw BadUserInputError.field('after', 'is not a cursor returned by this list');
      }
      after = { at, kind, id };
    }
    const range = {
      from: args.from,
      to,
      fromDate: firstDayFrom(args.from),
      toDate: firstDayFrom(to),
      knownAt: args.knownAt ?? null,
    };
    const rows = await this.analytics.changes(range, after, args.first + 1);
    return toPage(
      rows.map((row) => ({ ...row, kind: row.kind as ParticipationChangeKind })),
      args.first,
      (row) => [row.atKey, row.kind, row.participationId],
      after !== null,
      () => this.analytics.countChanges(range),
    );
  }

  private scope(filter: CountryFilter, asOf: string): CountryScope {
    return (where: SqlFilter) => this.countries.countrySelection(where, filter, asOf);
  }

  private async checkKeys(keys: readonly string[], field: string): Promise<void> {
    const missing = await this.initiatives.missingKeys(keys);
    if (missing.length) throw BadUserInputError.field(field, `names no initiative: "${missing[0]}"`);
  }
}
