import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The participations the registry holds now (not retracted), by party and initiative, carrying every column of a
 * matrix cell: participationMatrix probes it once per (country, selected initiative) and reads no heap, where it
 * used to probe the exclusion constraint's GiST index. Written by hand: TypeORM cannot declare INCLUDE, so the
 * entity declares the index with `synchronize: false`.
 */
export class ParticipationLiveIndex1795985067851 implements MigrationInterface {
  name = 'ParticipationLiveIndex1795985067851';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_participation_live_party_initiative" ON "participation" ("party_code", "initiative_id", "valid_from") INCLUDE ("valid_to", "role", "id", "valid_from_precision", "valid_to_precision") WHERE "retracted_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_participation_live_party_initiative"`);
  }
}
