import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Initiatives and participation on two timelines, and dated group membership without overlaps. Written by hand:
 * the btree_gist extension, which the exclusion constraints need for their equality parts (it ships with
 * PostgreSQL's contrib modules and is trusted, so the database owner may create it).
 */
export class Initiatives1795981563228 implements MigrationInterface {
  name = 'Initiatives1795981563228';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE TABLE "initiative" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(64) NOT NULL, "name" text NOT NULL, "kind" character varying(16) NOT NULL, "convening_body" text, "adopted_on" date, "binding" boolean NOT NULL DEFAULT false, "url" text, "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_initiative_url" CHECK ("url" IS NULL OR "url" ~ '^https?://'), CONSTRAINT "CHK_initiative_kind" CHECK ("kind" IN ('PRINCIPLES', 'DECLARATION', 'CONVENTION', 'RESOLUTION', 'RECOMMENDATION', 'PARTNERSHIP', 'STATEMENT')), CONSTRAINT "CHK_initiative_key" CHECK ("key" ~ '^[a-z0-9][a-z0-9_]{1,63}$'), CONSTRAINT "PK_139c30696418b01a4922ce3b916" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_initiative_key" ON "initiative"  ("key") `);
    await queryRunner.query(`CREATE INDEX "IDX_initiative_adopted_on" ON "initiative"  ("adopted_on") `);
    await queryRunner.query(`CREATE INDEX "IDX_initiative_binding_key" ON "initiative"  ("binding", "key") `);
    await queryRunner.query(`CREATE INDEX "IDX_initiative_kind_key" ON "initiative"  ("kind", "key") `);
    await queryRunner.query(
      `CREATE TABLE "participation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "party_code" character varying(8) NOT NULL, "initiative_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "valid_from" date NOT NULL, "valid_from_precision" character varying(8) NOT NULL, "valid_to" date, "valid_to_precision" character varying(8), "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retracted_at" TIMESTAMP WITH TIME ZONE, "retraction_reason" text, "supersedes_id" uuid, "source_url" text NOT NULL, "source_title" text, "source_note" text, CONSTRAINT "CHK_participation_source_url" CHECK ("source_url" ~ '^https?://'), CONSTRAINT "CHK_participation_retraction" CHECK (("retracted_at" IS NULL) = ("retraction_reason" IS NULL) AND ("retracted_at" IS NULL OR "retracted_at" >= "recorded_at")), CONSTRAINT "CHK_participation_period" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from"), CONSTRAINT "CHK_participation_precision" CHECK ("valid_from_precision" IN ('DAY', 'MONTH', 'YEAR') AND ("valid_to" IS NULL) = ("valid_to_precision" IS NULL) AND ("valid_to_precision" IS NULL OR "valid_to_precision" IN ('DAY', 'MONTH', 'YEAR'))), CONSTRAINT "CHK_participation_role" CHECK ("role" IN ('MEMBER', 'ADHERENT', 'SIGNATORY', 'ENDORSER', 'OBSERVER', 'DRAFTING_PARTY', 'RATIFIED')), CONSTRAINT "EXC_participation_live_period" EXCLUDE USING gist ("party_code" WITH =, "initiative_id" WITH =, "role" WITH =, daterange("valid_from", "valid_to") WITH &&) WHERE ("retracted_at" IS NULL), CONSTRAINT "PK_ba5442bab90fc96ddde456c69e1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_participation_valid_to" ON "participation"  ("valid_to", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_participation_valid_from" ON "participation"  ("valid_from", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_participation_retracted_at" ON "participation"  ("retracted_at", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_participation_recorded_at" ON "participation"  ("recorded_at", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_participation_party_initiative" ON "participation"  ("party_code", "initiative_id", "valid_from", "valid_to", "retracted_at", "recorded_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_participation_initiative_party" ON "participation"  ("initiative_id", "party_code", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "country_group_membership" ADD CONSTRAINT "EXC_group_membership_period" EXCLUDE USING gist ("group_key" WITH =, "party_code" WITH =, daterange("valid_from", "valid_to") WITH &&)`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation" ADD CONSTRAINT "FK_72d1fe1c9c214d7c6adc3e92779" FOREIGN KEY ("party_code") REFERENCES "party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation" ADD CONSTRAINT "FK_c05f4eb5af6107f372bbc7eacf9" FOREIGN KEY ("initiative_id") REFERENCES "initiative"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation" ADD CONSTRAINT "FK_6954f45025e45acc649c79dbb49" FOREIGN KEY ("supersedes_id") REFERENCES "participation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participation" DROP CONSTRAINT "FK_6954f45025e45acc649c79dbb49"`);
    await queryRunner.query(`ALTER TABLE "participation" DROP CONSTRAINT "FK_c05f4eb5af6107f372bbc7eacf9"`);
    await queryRunner.query(`ALTER TABLE "participation" DROP CONSTRAINT "FK_72d1fe1c9c214d7c6adc3e92779"`);
    await queryRunner.query(`ALTER TABLE "country_group_membership" DROP CONSTRAINT "EXC_group_membership_period"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_participation_initiative_party"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_participation_party_initiative"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_participation_recorded_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_participation_retracted_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_participation_valid_from"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_participation_valid_to"`);
    await queryRunner.query(`DROP TABLE "participation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_initiative_kind_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_initiative_binding_key"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_initiative_adopted_on"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_initiative_key"`);
    await queryRunner.query(`DROP TABLE "initiative"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gist`);
  }
}
