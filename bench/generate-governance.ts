// A large governance data set for the bench, made deterministically in SQL (no randomness: the same rows on every
// run): 2,000 initiatives and 200,000 participation events over the first 250 parties. About a tenth of the events
// have ended, and a twentieth were retracted and recorded again, so every timeline predicate has work to do.
import type pg from 'pg';

export const GENERATED = { parties: 250, initiatives: 2000, events: 200_000 } as const;

export async function generateGovernance(client: pg.Client): Promise<void> {
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO initiative (key, name, kind, convening_body, adopted_on, binding, url)
     SELECT format('gen_%s', lpad(g::text, 4, '0')), format('Generated initiative %s', g),
       (ARRAY['PRINCIPLES','DECLARATION','CONVENTION','RESOLUTION','RECOMMENDATION','PARTNERSHIP','STATEMENT'])[1 + g % 7],
       'Bench', date '2010-01-01' + (g * 37 % 5000), g % 10 = 0, format('https://example.org/initiatives/%s', g)
     FROM generate_series(1, $1::int) g
     ON CONFLICT (key) DO NOTHING`,
    [GENERATED.initiatives],
  );
  // Pairs (party, initiative) picked by a fixed hash, 200,000 of the 500,000, each with one live row; the first
  // 10,000 also get a retracted row before it (a correction), which counts as an event.
  await client.query(
    `WITH parties AS (SELECT code, row_number() OVER (ORDER BY code)::int AS n FROM party ORDER BY code LIMIT $1),
     initiatives AS (SELECT id, row_number() OVER (ORDER BY key)::int AS n FROM initiative WHERE key LIKE 'gen\\_%'),
     pairs AS (
       SELECT p.code, i.id, p.n AS pn, i.n AS inn, row_number() OVER (ORDER BY (p.n * 7919 + i.n * 104729) % 1000003, p.n, i.n) AS k
       FROM parties p CROSS JOIN initiatives i),
     chosen AS (SELECT * FROM pairs WHERE k <= $2::int - $3::int)
     INSERT INTO participation (party_code, initiative_id, role, valid_from, valid_from_precision, valid_to,
                                valid_to_precision, recorded_at, retracted_at, retraction_reason, source_url)
     SELECT code, id,
       (ARRAY['MEMBER','ADHERENT','SIGNATORY','ENDORSER','OBSERVER','DRAFTING_PARTY','RATIFIED'])[1 + (pn + inn) % 7],
       date '2012-01-01' + ((pn * 31 + inn * 17) % 4500), 'DAY',
       CASE WHEN k % 10 = 0 THEN date '2012-01-01' + ((pn * 31 + inn * 17) % 4500) + 400 END,
       CASE WHEN k % 10 = 0 THEN 'DAY' END,
       timestamptz '2024-01-01' + k * interval '1 minute', NULL, NULL, 'https://example.org/evidence'
     FROM chosen
     UNION ALL
     SELECT code, id, 'OBSERVER', date '2011-01-01', 'YEAR', NULL, NULL,
       timestamptz '2023-01-01' + k * interval '1 minute', timestamptz '2023-06-01' + k * interval '1 minute',
       'bench: corrected', 'https://example.org/evidence'
     FROM chosen WHERE k <= $3::int`,
    [GENERATED.parties, GENERATED.events, 10_000],
  );
  await client.query('COMMIT');
  // As autovacuum would leave a table at rest: statistics, and the visibility map that index-only scans need.
  await client.query('VACUUM ANALYZE initiative');
  await client.query('VACUUM ANALYZE participation');
}
