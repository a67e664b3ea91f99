import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795889377162 implements MigrationInterface {
  name = 'Initial1795889377162';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "country_group" (
                "key" character varying(32) NOT NULL,
                "name" text NOT NULL,
                "description" text,
                CONSTRAINT "CHK_country_group_key" CHECK ("key" ~ '^[A-Z0-9_]{2,32}$'),
                CONSTRAINT "PK_bd4cb9897542958c4d2d472f7f3" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "party" (
                "code" character varying(8) NOT NULL,
                "kind" character varying(16) NOT NULL,
                "name" text NOT NULL,
                CONSTRAINT "CHK_party_code" CHECK ("code" ~ '^[A-Z]{2,8}$'),
                CONSTRAINT "CHK_party_kind" CHECK ("kind" IN ('COUNTRY', 'ORGANIZATION')),
                CONSTRAINT "PK_755ec24c389b9068ca5f43ba8ad" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "country" (
                "iso3" character varying(3) NOT NULL,
                "iso2" character(2) NOT NULL,
                "numeric_code" character(3) NOT NULL,
                "name" text NOT NULL,
                "official_name" text NOT NULL,
                "region" text,
                "subregion" text,
                "intermediate_region" text,
                "un_member" boolean NOT NULL,
                "development_status" character varying(16) NOT NULL,
                CONSTRAINT "CHK_country_codes" CHECK (
                    "iso3" ~ '^[A-Z]{3}$'
                    AND "iso2" ~ '^[A-Z]{2}$'
                    AND "numeric_code" ~ '^[0-9]{3}$'
                ),
                CONSTRAINT "CHK_country_development_status" CHECK (
                    "development_status" IN ('DEVELOPED', 'DEVELOPING', 'LEAST_DEVELOPED')
                ),
                CONSTRAINT "PK_8df5b1a0131e8e155381547aa5b" PRIMARY KEY ("iso3")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_country_iso2" ON "country" ("iso2")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_country_numeric_code" ON "country" ("numeric_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_country_region" ON "country" ("region")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_country_subregion" ON "country" ("subregion")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_country_un_member" ON "country" ("un_member")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_country_development_status" ON "country" ("development_status")
        `);
    await queryRunner.query(`
            CREATE TABLE "country_group_membership" (
                "id" SERIAL NOT NULL,
                "group_key" character varying(32) NOT NULL,
                "party_code" character varying(8) NOT NULL,
                "valid_from" date,
                "valid_to" date,
                "note" text,
                CONSTRAINT "CHK_group_membership_period" CHECK (
                    "valid_to" IS NULL
                    OR "valid_from" IS NULL
                    OR "valid_to" > "valid_from"
                ),
                CONSTRAINT "PK_2521b495868bead6e129e7a36ef" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_group_membership_party" ON "country_group_membership" ("party_code")
        `);
    // One row per (group, party, start); NULLS NOT DISTINCT makes an open start count as a value too.
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_group_membership_start" ON "country_group_membership" ("group_key", "party_code", "valid_from") NULLS NOT DISTINCT
        `);
    await queryRunner.query(`
            ALTER TABLE "country"
            ADD CONSTRAINT "FK_8df5b1a0131e8e155381547aa5b" FOREIGN KEY ("iso3") REFERENCES "party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "country_group_membership"
            ADD CONSTRAINT "FK_2947ef7009cb8c1d9bcfcf8c289" FOREIGN KEY ("group_key") REFERENCES "country_group"("key") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "country_group_membership"
            ADD CONSTRAINT "FK_23a05a30066fef7640933166571" FOREIGN KEY ("party_code") REFERENCES "party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "country_group_membership" DROP CONSTRAINT "FK_23a05a30066fef7640933166571"
        `);
    await queryRunner.query(`
            ALTER TABLE "country_group_membership" DROP CONSTRAINT "FK_2947ef7009cb8c1d9bcfcf8c289"
        `);
    await queryRunner.query(`
            ALTER TABLE "country" DROP CONSTRAINT "FK_8df5b1a0131e8e155381547aa5b"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_group_membership_start"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_group_membership_party"
        `);
    await queryRunner.query(`
            DROP TABLE "country_group_membership"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_country_development_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_country_un_member"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_country_subregion"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_country_region"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_country_numeric_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_country_iso2"
        `);
    await queryRunner.query(`
            DROP TABLE "country"
        `);
    await queryRunner.query(`
            DROP TABLE "party"
        `);
    await queryRunner.query(`
            DROP TABLE "country_group"
        `);
  }
}
