import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The companies list's filters, each on an index that also keeps the list's order (name, id): by country (this
 * replaces the index on country alone, a prefix of it), and a case-insensitive search in names (pg_trgm, a trusted
 * extension that the database owner may create). AI systems: one of a name per company, ignoring case and runs of
 * spaces, as regulators per jurisdiction.
 */
export class CompanySearch1795990651344 implements MigrationInterface {
  name = 'CompanySearch1795990651344';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_company_country"`);
    await queryRunner.query(`CREATE INDEX "IDX_company_country_name" ON "company"  ("country_iso3", "name", "id") `);
    // Written by hand from here on: TypeORM expresses neither an operator class nor an index on an expression.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "IDX_company_name_trgm" ON "company" USING gin ("name" gin_trgm_ops)`);
    // Systems that already share a name in a company get " (2)", " (3)"... after it, the oldest keeping theirs.
    await queryRunner.query(`
      UPDATE "ai_system" s SET "name" = s."name" || ' (' || d.n || ')'
      FROM (
        SELECT "id", row_number() OVER (
          PARTITION BY "company_id", lower(regexp_replace(btrim("name"), '\\s+', ' ', 'g'))
          ORDER BY "created_at", "id"
        ) AS n
        FROM "ai_system"
      ) d
      WHERE d."id" = s."id" AND d.n > 1`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "UQ_ai_system_company_name"
      ON "ai_system" ("company_id", lower(regexp_replace(btrim("name"), '\\s+', ' ', 'g')))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_ai_system_company_name"`);
    // The extension stays: something else may have come to use it.
    await queryRunner.query(`DROP INDEX "public"."IDX_company_name_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_company_country_name"`);
    await queryRunner.query(`CREATE INDEX "IDX_company_country" ON "company" USING btree ("country_iso3") `);
  }
}
