import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import type { LoaderRegistry } from '../common/loaders/loader-registry.js';
import { CountriesService } from '../countries/countries.service.js';
import type { Initiative } from './initiative.entity.js';
import { InitiativesRepository } from './initiatives.repository.js';
import type { Participation } from './participation.entity.js';
import { ParticipationsRepository, type Timelines } from './participations.repository.js';

/** A loader's name part for both timelines. */
function timelinesKey(at: Timelines): string {
  return `${at.asOf}@${at.knownAt?.toISOString() ?? 'now'}`;
}

/** The per-request DataLoaders of this module. */
@Injectable()
export class InitiativesLoaders {
  constructor(
    private readonly initiatives: InitiativesRepository,
    private readonly participations: ParticipationsRepository,
    private readonly countries: CountriesService,
  ) {}

  initiativeById(loaders: LoaderRegistry): DataLoader<string, Initiative | null> {
    return loaders.get('initiative', (ids) => this.initiatives.byIds(ids));
  }

  participationById(loaders: LoaderRegistry): DataLoader<string, Participation | null> {
    return loaders.get('participation', (ids) => this.participations.byIds(ids));
  }

  /** One page of participants per initiative id. */
  participants(
    loaders: LoaderRegistry,
    at: Timelines,
    after: [string, string] | null,
    limit: number,
  ): DataLoader<string, Participation[]> {
    return loaders.get(`participants:${timelinesKey(at)}:${after?.join(',') ?? ''}:${limit}`, (ids) =>
      this.participations.participantPages(ids, at, after, limit),
    );
  }

  /** Parties taking part per initiative id; UN member states only when `unMembersOnly`. */
  participantCount(loaders: LoaderRegistry, at: Timelines, unMembersOnly: boolean): DataLoader<string, number> {
    const scope = unMembersOnly
      ? (where: Parameters<CountriesService['countrySelection']>[0]) =>
          this.countries.countrySelection(where, { unMember: true }, at.asOf)
      : null;
    return loaders.get(`participantCount:${timelinesKey(at)}:${unMembersOnly}`, (ids) =>
      this.participations.participantCounts(ids, at, scope),
    );
  }

  /** Rows in force per initiative id: the participants connection's totalCount. */
  participantRows(loaders: LoaderRegistry, at: Timelines): DataLoader<string, number> {
    return loaders.get(`participantRows:${timelinesKey(at)}`, (ids) =>
      this.participations.participantCounts(ids, at, null, 'rows'),
    );
  }

  participationsOfParty(loaders: LoaderRegistry, at: Timelines): DataLoader<string, Participation[]> {
    return loaders.get(`participationsOfParty:${timelinesKey(at)}`, (codes) =>
      this.participations.ofParties(codes, at),
    );
  }

  initiativeCountOfParty(
    loaders: LoaderRegistry,
    at: Timelines,
    initiativeKeys: readonly string[] | null,
  ): DataLoader<string, number> {
    return loaders.get(`initiativeCountOfParty:${timelinesKey(at)}:${JSON.stringify(initiativeKeys)}`, (codes) =>
      this.participations.initiativeCounts(codes, at, initiativeKeys),
    );
  }
}
