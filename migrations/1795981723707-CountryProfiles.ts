import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Country profiles (the policies module): national AI strategies and policy instruments, owned by a party (a country or
 * the EU), and Frontier Technologies Readiness Index ranks, owned by a country. Every check is declared on the
 * entities; the rows are loaded by the policy seed after the migrations, not here.
 */
export class CountryProfiles1795981723707 implements MigrationInterface {
  name = 'CountryProfiles1795981723707';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "national_ai_strategy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "party_code" character varying(8) NOT NULL, "released_year" smallint NOT NULL, "title" text NOT NULL, "source_url" text NOT NULL, "confidence" character varying(8) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_national_ai_strategy_source" CHECK ("source_url" ~ '^https?://[^[:space:]]+$'), CONSTRAINT "CHK_national_ai_strategy_title" CHECK (length(btrim("title")) BETWEEN 1 AND 500), CONSTRAINT "CHK_national_ai_strategy_confidence" CHECK ("confidence" IN ('HIGH', 'MEDIUM', 'LOW')), CONSTRAINT "CHK_national_ai_strategy_year" CHECK ("released_year" BETWEEN 1950 AND 2100), CONSTRAINT "PK_4004336f532a0a183fd24b610d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_national_ai_strategy_year_party_title" ON "national_ai_strategy"  ("released_year", "party_code", "title") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_national_ai_strategy_party_year" ON "national_ai_strategy"  ("party_code", "released_year") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_national_ai_strategy_party_title" ON "national_ai_strategy"  ("party_code", "title") `,
    );
    await queryRunner.query(
      `CREATE TABLE "policy_instrument" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "party_code" character varying(8) NOT NULL, "title" text NOT NULL, "orientation" character varying(16) NOT NULL, "lever" character varying(16) NOT NULL, "source_url" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_policy_instrument_source" CHECK ("source_url" IS NULL OR "source_url" ~ '^https?://[^[:space:]]+$'), CONSTRAINT "CHK_policy_instrument_title" CHECK (length(btrim("title")) BETWEEN 1 AND 500), CONSTRAINT "CHK_policy_instrument_lever" CHECK ("lever" IN ('INFRASTRUCTURE', 'DATA', 'SKILLS', 'OVERALL')), CONSTRAINT "CHK_policy_instrument_orientation" CHECK ("orientation" IN ('ADOPTION', 'DEVELOPMENT', 'OVERALL')), CONSTRAINT "PK_5429556ec38329026e4de1cf548" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_policy_instrument_lever" ON "policy_instrument"  ("lever") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_policy_instrument_orientation" ON "policy_instrument"  ("orientation") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_policy_instrument_party_title" ON "policy_instrument"  ("party_code", "title") `,
    );
    await queryRunner.query(
      `CREATE TABLE "readiness_score" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "country_iso3" character varying(3) NOT NULL, "year" smallint NOT NULL, "rank" smallint NOT NULL, "ict_rank" smallint, "skills_rank" smallint, "rnd_rank" smallint, "industry_rank" smallint, "finance_rank" smallint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_readiness_score_ranks" CHECK (("rank" IS NULL OR "rank" BETWEEN 1 AND 1000) AND ("ict_rank" IS NULL OR "ict_rank" BETWEEN 1 AND 1000) AND ("skills_rank" IS NULL OR "skills_rank" BETWEEN 1 AND 1000) AND ("rnd_rank" IS NULL OR "rnd_rank" BETWEEN 1 AND 1000) AND ("industry_rank" IS NULL OR "industry_rank" BETWEEN 1 AND 1000) AND ("finance_rank" IS NULL OR "finance_rank" BETWEEN 1 AND 1000)), CONSTRAINT "CHK_readiness_score_year" CHECK ("year" BETWEEN 2000 AND 2100), CONSTRAINT "PK_e389c8da8a023e9c1a45f7ff4d4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_readiness_score_year_rank" ON "readiness_score"  ("year", "rank", "country_iso3") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_readiness_score_country_year" ON "readiness_score"  ("country_iso3", "year") `,
    );
    await queryRunner.query(
      `ALTER TABLE "national_ai_strategy" ADD CONSTRAINT "FK_b16f1ac78b8e833c9bf41025829" FOREIGN KEY ("party_code") REFERENCES "party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "policy_instrument" ADD CONSTRAINT "FK_e8580b99f9d14fe7fa124507f7e" FOREIGN KEY ("party_code") REFERENCES "party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "readiness_score" ADD CONSTRAINT "FK_db73e943f8a9c6ceab3b65fd191" FOREIGN KEY ("country_iso3") REFERENCES "country"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "readiness_score" DROP CONSTRAINT "FK_db73e943f8a9c6ceab3b65fd191"`);
    await queryRunner.query(`ALTER TABLE "policy_instrument" DROP CONSTRAINT "FK_e8580b99f9d14fe7fa124507f7e"`);
    await queryRunner.query(`ALTER TABLE "national_ai_strategy" DROP CONSTRAINT "FK_b16f1ac78b8e833c9bf41025829"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_readiness_score_country_year"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_readiness_score_year_rank"`);
    await queryRunner.query(`DROP TABLE "readiness_score"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_policy_instrument_party_title"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_policy_instrument_orientation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_policy_instrument_lever"`);
    await queryRunner.query(`DROP TABLE "policy_instrument"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_national_ai_strategy_party_title"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_national_ai_strategy_party_year"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_national_ai_strategy_year_party_title"`);
    await queryRunner.query(`DROP TABLE "national_ai_strategy"`);
  }
}
