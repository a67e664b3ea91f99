import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The participations the registry holds now (not retracted), in two orders, for the reads at knownAt = now:
 * - by party and initiative, carrying every column of a matrix cell: participationMatrix probes it once per
 *   (country, selected initiative) and reads no heap, where it used to probe the exclusion constraint's GiST index;
 * - by initiative and party, with the dates: participationDistribution over some initiatives reads only theirs,
 *   from the index alone (the planner took a bitmap scan of the whole GiST index per initiative otherwise).
 * Written by hand: TypeORM cannot declare INCLUDE, so the entity declares them with `synchronize: false`.
 */
export class ParticipationLiveIndex1795985067851 implements MigrationInterface {
  name = 'ParticipationLiveIndex1795985067851';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_participation_live_party_initiative" ON "participation" ("party_code", "initiative_id", "valid_from") INCLUDE ("valid_to", "role", "id", "valid_from_precision", "valid_to_precision") WHERE "retracted_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_participation_live_initiative_party" ON "participation" ("initiative_id", "party_code", "valid_from") INCLUDE ("valid_to") WHERE "retracted_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_participation_live_initiative_party"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_participation_live_party_initiative"`);
  }
}
