import { describe, expect, it } from '@jest/globals';
import { PolicyLever, PolicyOrientation } from '../policy-levers.js';
import { SourceConfidence } from '../source-confidence.js';
import { instrumentReferences, readinessReferences, seedId, strategyReferences } from './policy-reference.js';

describe('policy reference data', () => {
  it('reads one first strategy for each of 80 countries and the EU', () => {
    const strategies = strategyReferences();
    expect(strategies).toHaveLength(81);
    expect(new Set(strategies.map((row) => row.partyCode)).size).toBe(81);
    expect(strategies.find((row) => row.partyCode === 'SEN')).toMatchObject({
      releasedYear: 2023,
      confidence: SourceConfidence.MEDIUM,
    });
  });

  it("reads the report's 16 instruments with their orientation and lever", () => {
    const instruments = instrumentReferences();
    expect(instruments).toHaveLength(16);
    expect(instruments.find((row) => row.partyCode === 'EU')).toMatchObject({
      title: 'Artificial Intelligence Act',
      orientation: PolicyOrientation.OVERALL,
      lever: PolicyLever.OVERALL,
    });
  });

  it('reads 15 countries: their 2024 ranks with components, their 2022 rank alone', () => {
    const scores = readinessReferences();
    expect(scores).toHaveLength(30);
    expect(scores.filter((row) => row.year === 2024 && row.financeRank !== null)).toHaveLength(15);
    expect(scores.find((row) => row.countryIso3 === 'IRL' && row.year === 2024)).toMatchObject({
      rank: 9,
      financeRank: 116,
    });
    expect(scores.find((row) => row.countryIso3 === 'IRL' && row.year === 2022)).toMatchObject({
      rank: 12,
      ictRank: null,
    });
  });

  it('gives each seeded row the same valid UUID at every start, and different rows different ones', () => {
    expect(seedId('strategy:KEN')).toBe(seedId('strategy:KEN'));
    expect(seedId('strategy:KEN')).not.toBe(seedId('strategy:KE'));
    expect(seedId('strategy:KEN')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ids = [...strategyReferences(), ...instrumentReferences(), ...readinessReferences()].map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
