import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One regulator of a name per jurisdiction, ignoring case and runs of spaces ("Data  Protection authority" is
 * "Data Protection Authority"). Written by hand: TypeORM cannot express an index on an expression. Regulators that
 * already share a name get " (2)", " (3)"... after it, oldest first keeping theirs, so that the index can be built.
 */
export class RegulatorNameUnique1795983380473 implements MigrationInterface {
  name = 'RegulatorNameUnique1795983380473';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "regulator" r SET "name" = r."name" || ' (' || d.n || ')'
      FROM (
        SELECT "id", row_number() OVER (
          PARTITION BY "jurisdiction", lower(regexp_replace(btrim("name"), '\\s+', ' ', 'g'))
          ORDER BY "created_at", "id"
        ) AS n
        FROM "regulator"
      ) d
      WHERE d."id" = r."id" AND d.n > 1`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "UQ_regulator_jurisdiction_name"
      ON "regulator" ("jurisdiction", lower(regexp_replace(btrim("name"), '\\s+', ' ', 'g')))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_regulator_jurisdiction_name"`);
  }
}
