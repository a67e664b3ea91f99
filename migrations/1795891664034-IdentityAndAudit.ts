import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityAndAudit1795891664034 implements MigrationInterface {
  name = 'IdentityAndAudit1795891664034';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "user_membership" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "company_id" uuid,
                "regulator_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_user_membership_target" CHECK (num_nonnulls("company_id", "regulator_id") = 1),
                CONSTRAINT "PK_79d3d7350ae33ad6fe1743df86c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_user_membership_regulator" ON "user_membership" ("regulator_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_user_membership_company" ON "user_membership" ("company_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_user_membership_regulator" ON "user_membership" ("user_id", "regulator_id")
            WHERE "regulator_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_user_membership_company" ON "user_membership" ("user_id", "company_id")
            WHERE "company_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "app_user" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "password_hash" text NOT NULL,
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "api_key" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "name" text NOT NULL,
                "prefix" character varying(32) NOT NULL,
                "secret_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_api_key_prefix" ON "api_key" ("prefix")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_api_key_user" ON "api_key" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "company" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "country_iso3" character varying(3) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_056f7854a7afdba7cbd6d45fc20" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_company_country" ON "company" ("country_iso3")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_company_name_id" ON "company" ("name", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "regulator" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "jurisdiction" character varying(8) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7d3505039f960bb8a1283adaa91" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_regulator_jurisdiction" ON "regulator" ("jurisdiction")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_regulator_name_id" ON "regulator" ("name", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "audit_event" (
                "id" BIGSERIAL NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_user_id" uuid,
                "actor_api_key_id" uuid,
                "action" character varying(64) NOT NULL,
                "entity_type" character varying(64) NOT NULL,
                "entity_id" character varying(64) NOT NULL,
                "before" jsonb,
                "after" jsonb,
                "request_id" character varying(128),
                CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_event_occurred" ON "audit_event" ("occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_event_actor" ON "audit_event" ("actor_user_id", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_audit_event_entity" ON "audit_event" ("entity_type", "entity_id", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "user_role" (
                "user_id" uuid NOT NULL,
                "role" character varying(16) NOT NULL,
                "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "granted_by" uuid,
                CONSTRAINT "CHK_user_role_role" CHECK (
                    "role" IN ('ADMIN', 'CURATOR', 'FILER', 'REGULATOR')
                ),
                CONSTRAINT "PK_9b74a030fe54fdef40e7a2194bc" PRIMARY KEY ("user_id", "role")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "user_membership"
            ADD CONSTRAINT "FK_13c0b9b73e272c78393908bfe31" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "user_membership"
            ADD CONSTRAINT "FK_5106656b058d8ad953a97ce293d" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "user_membership"
            ADD CONSTRAINT "FK_17bc45e453ed63f7d6c8fe54663" FOREIGN KEY ("regulator_id") REFERENCES "regulator"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "api_key"
            ADD CONSTRAINT "FK_6a0830f03e537b239a53269b27d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "company"
            ADD CONSTRAINT "FK_7593646fc95020447442fadb5a0" FOREIGN KEY ("country_iso3") REFERENCES "country"("iso3") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "regulator"
            ADD CONSTRAINT "FK_ed3baf11eb9ceaa4fc8cba50ff6" FOREIGN KEY ("jurisdiction") REFERENCES "party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "user_role"
            ADD CONSTRAINT "FK_d0e5815877f7395a198a4cb0a46" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Hand-written: TypeORM cannot declare an index on an expression.
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_app_user_email" ON "app_user" (lower("email"))
        `);
    // The audit trail is append-only: the database itself refuses changes and deletions.
    await queryRunner.query(`
            CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "audit_event_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_event"
            FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
            FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_event_no_truncate" ON "audit_event"`);
    await queryRunner.query(`DROP TRIGGER "audit_event_no_update_or_delete" ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION "audit_event_append_only"()`);
    await queryRunner.query(`DROP INDEX "public"."UQ_app_user_email"`);
    await queryRunner.query(`
            ALTER TABLE "user_role" DROP CONSTRAINT "FK_d0e5815877f7395a198a4cb0a46"
        `);
    await queryRunner.query(`
            ALTER TABLE "regulator" DROP CONSTRAINT "FK_ed3baf11eb9ceaa4fc8cba50ff6"
        `);
    await queryRunner.query(`
            ALTER TABLE "company" DROP CONSTRAINT "FK_7593646fc95020447442fadb5a0"
        `);
    await queryRunner.query(`
            ALTER TABLE "api_key" DROP CONSTRAINT "FK_6a0830f03e537b239a53269b27d"
        `);
    await queryRunner.query(`
            ALTER TABLE "user_membership" DROP CONSTRAINT "FK_17bc45e453ed63f7d6c8fe54663"
        `);
    await queryRunner.query(`
            ALTER TABLE "user_membership" DROP CONSTRAINT "FK_5106656b058d8ad953a97ce293d"
        `);
    await queryRunner.query(`
            ALTER TABLE "user_membership" DROP CONSTRAINT "FK_13c0b9b73e272c78393908bfe31"
        `);
    await queryRunner.query(`
            DROP TABLE "user_role"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_event_entity"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_event_actor"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_event_occurred"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_event"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_regulator_name_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_regulator_jurisdiction"
        `);
    await queryRunner.query(`
            DROP TABLE "regulator"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_company_name_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_company_country"
        `);
    await queryRunner.query(`
            DROP TABLE "company"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_api_key_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_api_key_prefix"
        `);
    await queryRunner.query(`
            DROP TABLE "api_key"
        `);
    await queryRunner.query(`
            DROP TABLE "app_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_user_membership_company"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_user_membership_regulator"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_user_membership_company"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_user_membership_regulator"
        `);
    await queryRunner.query(`
            DROP TABLE "user_membership"
        `);
  }
}
