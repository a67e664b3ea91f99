import type { SqlRunner } from '../database/sql-runner.js';
import type { InitiativeReference, ParticipationReference } from './seed/governance-reference.js';

/**
 * The governance seed's writes. Each statement inserts from arrays in one round trip and changes nothing the
 * registry holds already, so the seed can run at every start without undoing a curator's work.
 */
export class GovernanceReferenceRepository {
  constructor(private readonly tx: SqlRunner) {}

  /** New initiatives only: a curator may have edited one since. */
  async insertInitiatives(initiatives: InitiativeReference[]): Promise<void> {
    const column = <K extends keyof InitiativeReference>(key: K) => initiatives.map((initiative) => initiative[key]);
    await this.tx.rows(
      `INSERT INTO initiative (key, name, kind, convening_body, adopted_on, binding, url, description)
       SELECT * FROM unnest($1::varchar[], $2::text[], $3::varchar[], $4::text[], $5::date[], $6::boolean[], $7::text[],
                            $8::text[])
       ON CONFLICT (key) DO NOTHING`,
      [
        column('key'),
        column('name'),
        column('kind'),
        column('conveningBody'),
        column('adoptedOn'),
        column('binding'),
        column('url'),
        column('description'),
      ],
    );
  }

  /**
   * Records each (party, initiative, role) the registry holds no row for, live or retracted, so that a row a
   * curator retracted or corrected is not brought back. Its source is the initiative's own address and name.
   */
  async insertParticipations(rows: ParticipationReference[]): Promise<void> {
    const column = <K extends keyof ParticipationReference>(key: K) => rows.map((row) => row[key]);
    await this.tx.rows(
      `INSERT INTO participation (party_code, initiative_id, role, valid_from, valid_from_precision, source_url,
                                  source_title, source_note)
       SELECT r.party, i.id, r.role, r.valid_from, r.precision, i.url, i.name, r.note
       FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::date[], $5::varchar[], $6::text[])
         AS r(party, initiative_key, role, valid_from, precision, note)
       JOIN initiative i ON i.key = r.initiative_key
       WHERE NOT EXISTS (SELECT 1 FROM participation p
                         WHERE p.party_code = r.party AND p.initiative_id = i.id AND p.role = r.role)`,
      [
        column('partyCode'),
        column('initiativeKey'),
        column('role'),
        column('validFrom'),
        column('precision'),
        column('note'),
      ],
    );
  }
}
