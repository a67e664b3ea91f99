import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that can end and API keys with a scope and an expiry.
 *
 * - app_user.token_generation: signed into every access token; raising it ends the tokens issued before.
 *   revoked_token: tokens ended by `logout`.
 * - api_key.read_only and api_key.roles. Existing keys keep what they could do: they become read-write keys with
 *   the roles their owner holds now (a key acts for its owner, so that is what they had); their owner may replace
 *   them with narrower keys.
 * - api_key.expires_at becomes required: existing keys without an expiry expire 90 days after this migration (the
 *   default lifetime of new keys), and none runs longer than 365 days from now (the default longest lifetime).
 */
export class ApiKeyScopesAndSessions1795983405245 implements MigrationInterface {
  name = 'ApiKeyScopesAndSessions1795983405245';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "revoked_token" ("jti" uuid NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_51805a32c382d2841b953c16880" PRIMARY KEY ("jti"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_revoked_token_expires" ON "revoked_token"  ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "token_generation" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "api_key" ADD "read_only" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "api_key" ADD "roles" text array`);
    await queryRunner.query(
      `UPDATE "api_key" k SET "roles" = ARRAY(SELECT r."role" FROM "user_role" r WHERE r."user_id" = k."user_id" ORDER BY r."role")::text[]`,
    );
    await queryRunner.query(`ALTER TABLE "api_key" ALTER COLUMN "roles" SET NOT NULL`);
    await queryRunner.query(
      `UPDATE "api_key" SET "expires_at" = least(coalesce("expires_at", now() + interval '90 days'), now() + interval '365 days')`,
    );
    await queryRunner.query(`ALTER TABLE "api_key" ALTER COLUMN "expires_at" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "api_key" ADD CONSTRAINT "CHK_api_key_roles" CHECK ("roles" <@ ARRAY['ADMIN', 'CURATOR', 'FILER', 'REGULATOR']::text[])`,
    );
    await queryRunner.query(
      `ALTER TABLE "revoked_token" ADD CONSTRAINT "FK_285b9c052733533045c7537f02a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "revoked_token" DROP CONSTRAINT "FK_285b9c052733533045c7537f02a"`);
    await queryRunner.query(`ALTER TABLE "api_key" DROP CONSTRAINT "CHK_api_key_roles"`);
    await queryRunner.query(`ALTER TABLE "api_key" ALTER COLUMN "expires_at" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "api_key" DROP COLUMN "roles"`);
    await queryRunner.query(`ALTER TABLE "api_key" DROP COLUMN "read_only"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "token_generation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_revoked_token_expires"`);
    await queryRunner.query(`DROP TABLE "revoked_token"`);
  }
}
