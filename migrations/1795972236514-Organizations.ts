import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Memberships point at one organisation table instead of naming companies and regulators: auth owns
 * organization (id, kind) and user_membership; a company or a regulator is stored under its organisation's id.
 * Existing companies, regulators and memberships are carried over.
 */
export class Organizations1795972236514 implements MigrationInterface {
  name = 'Organizations1795972236514';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "organization" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" character varying(32) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_organization_kind" CHECK ("kind" ~ '^[a-z][a-z_]{1,31}$'),
        CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `INSERT INTO "organization" ("id", "kind", "created_at") SELECT "id", 'company', "created_at" FROM "company"`,
    );
    await queryRunner.query(
      `INSERT INTO "organization" ("id", "kind", "created_at") SELECT "id", 'regulator', "created_at" FROM "regulator"`,
    );
    await queryRunner.query(`ALTER TABLE "company" ALTER COLUMN "id" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "regulator" ALTER COLUMN "id" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "company" ADD CONSTRAINT "FK_056f7854a7afdba7cbd6d45fc20" FOREIGN KEY ("id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "regulator" ADD CONSTRAINT "FK_7d3505039f960bb8a1283adaa91" FOREIGN KEY ("id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`ALTER TABLE "user_membership" ADD "organization_id" uuid`);
    await queryRunner.query(`UPDATE "user_membership" SET "organization_id" = coalesce("company_id", "regulator_id")`);
    await queryRunner.query(`ALTER TABLE "user_membership" ALTER COLUMN "organization_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "user_membership" DROP CONSTRAINT "FK_5106656b058d8ad953a97ce293d"`);
    await queryRunner.query(`ALTER TABLE "user_membership" DROP CONSTRAINT "FK_17bc45e453ed63f7d6c8fe54663"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_membership_regulator"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_membership_company"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_membership_regulator"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_membership_company"`);
    await queryRunner.query(`ALTER TABLE "user_membership" DROP CONSTRAINT "CHK_user_membership_target"`);
    await queryRunner.query(`ALTER TABLE "user_membership" DROP COLUMN "company_id"`);
    await queryRunner.query(`ALTER TABLE "user_membership" DROP COLUMN "regulator_id"`);
    await queryRunner.query(`CREATE INDEX "IDX_user_membership_organization" ON "user_membership" ("organization_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_membership" ON "user_membership" ("user_id", "organization_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_membership" ADD CONSTRAINT "FK_1e9b66eae483a290addd3d0d657" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_membership" ADD "company_id" uuid`);
    await queryRunner.query(`ALTER TABLE "user_membership" ADD "regulator_id" uuid`);
    await queryRunner.query(
      `UPDATE "user_membership" m SET "company_id" = CASE WHEN o."kind" = 'company' THEN o."id" END,
         "regulator_id" = CASE WHEN o."kind" = 'regulator' THEN o."id" END
       FROM "organization" o WHERE o."id" = m."organization_id"`,
    );
    await queryRunner.query(`ALTER TABLE "user_membership" DROP CONSTRAINT "FK_1e9b66eae483a290addd3d0d657"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_membership"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_membership_organization"`);
    await queryRunner.query(`ALTER TABLE "user_membership" DROP COLUMN "organization_id"`);
    await queryRunner.query(
      `ALTER TABLE "user_membership" ADD CONSTRAINT "CHK_user_membership_target" CHECK (num_nonnulls("company_id", "regulator_id") = 1)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_membership_company" ON "user_membership" ("user_id", "company_id") WHERE "company_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_user_membership_regulator" ON "user_membership" ("user_id", "regulator_id") WHERE "regulator_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_user_membership_company" ON "user_membership" ("company_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_user_membership_regulator" ON "user_membership" ("regulator_id")`);
    await queryRunner.query(
      `ALTER TABLE "user_membership" ADD CONSTRAINT "FK_5106656b058d8ad953a97ce293d" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_membership" ADD CONSTRAINT "FK_17bc45e453ed63f7d6c8fe54663" FOREIGN KEY ("regulator_id") REFERENCES "regulator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "regulator" DROP CONSTRAINT "FK_7d3505039f960bb8a1283adaa91"`);
    await queryRunner.query(`ALTER TABLE "company" DROP CONSTRAINT "FK_056f7854a7afdba7cbd6d45fc20"`);
    await queryRunner.query(`ALTER TABLE "regulator" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "company" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()`);
    await queryRunner.query(`DROP TABLE "organization"`);
  }
}
