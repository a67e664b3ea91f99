import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1795983380472 implements MigrationInterface {
  name = 'IdempotencyKeys1795983380472';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_key" ("caller" character varying(64) NOT NULL, "key" character varying(255) NOT NULL, "request_hash" character(64) NOT NULL, "status_code" smallint, "response" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1482d923e254705fd82e4d392f6" PRIMARY KEY ("caller", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_idempotency_key_expires_at" ON "idempotency_key"  ("expires_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_idempotency_key_expires_at"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
  }
}
