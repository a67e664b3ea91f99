import { describe, expect, it } from '@jest/globals';
import { DevelopmentStatus } from '../development-status.js';
import { countryReferences, UN_MEMBERSHIP_CORRECTIONS, worldCountries } from './country-reference.js';

describe('countryReferences', () => {
  const countries = countryReferences();
  const byIso3 = new Map(countries.map((country) => [country.iso3, country]));

  it('lists the 249 officially assigned ISO 3166-1 codes, each code unique', () => {
    expect(countries).toHaveLength(249);
    for (const key of ['iso3', 'iso2', 'numericCode'] as const) {
      expect(new Set(countries.map((country) => country[key])).size).toBe(249);
    }
    expect(byIso3.has('UNK')).toBe(false);
  });

  it('marks exactly the 193 UN member states, not the Holy See or Palestine', () => {
    expect(countries.filter((country) => country.unMember)).toHaveLength(193);
    expect(byIso3.get('VAT')?.unMember).toBe(false);
    expect(byIso3.get('PSE')?.unMember).toBe(false);
    expect(byIso3.get('SSD')?.unMember).toBe(true);
  });

  it('keeps each UN membership correction only while the package still needs it', () => {
    for (const [iso3, unMember] of Object.entries(UN_MEMBERSHIP_CORRECTIONS)) {
      expect(worldCountries.find((country) => country.cca3 === iso3)?.unMember).toBe(!unMember);
    }
  });

  it('places countries in UN M49 regions', () => {
    expect(byIso3.get('GBR')).toMatchObject({ region: 'Europe', subregion: 'Northern Europe' });
    expect(byIso3.get('BRA')).toMatchObject({
      region: 'Americas',
      subregion: 'Latin America and the Caribbean',
      intermediateRegion: 'South America',
    });
    expect(byIso3.get('TWN')).toMatchObject({ region: 'Asia', subregion: 'Eastern Asia' });
    expect(byIso3.get('ATA')?.region).toBeNull();
    const unMembersWithoutRegion = countries.filter((country) => country.unMember && !country.region);
    expect(unMembersWithoutRegion).toEqual([]);
  });

  it("follows UNCTAD's developed economies", () => {
    for (const iso3 of ['USA', 'CAN', 'DEU', 'RUS', 'JPN', 'KOR', 'AUS', 'NZL', 'ISR']) {
      expect(byIso3.get(iso3)?.economy).toBe(DevelopmentStatus.DEVELOPED);
    }
    for (const iso3 of ['CHN', 'BRA', 'IND', 'MEX', 'ZAF', 'SGP']) {
      expect(byIso3.get(iso3)?.economy).toBe(DevelopmentStatus.DEVELOPING);
    }
  });

  it('keeps numeric codes as three digits', () => {
    expect(byIso3.get('AFG')?.numericCode).toBe('004');
  });
});
