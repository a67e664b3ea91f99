import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CertificationListIndexes1795992684100 implements MigrationInterface {
  name = 'CertificationListIndexes1795992684100';

  // The public list runs newest expiry first: each filter's index ends with (expires_on, id), so that a page is
  // read from its index in order. The regime filter gets its index.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_certification_scheme"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_certification_regulator"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_certification_regime" ON "certification"  ("regime", "expires_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_certification_scheme" ON "certification"  ("scheme", "expires_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_certification_regulator" ON "certification"  ("regulator_id", "expires_on", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_certification_regulator"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_certification_scheme"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_certification_regime"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_certification_regulator" ON "certification" ("regulator_id", "issued_on", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_certification_scheme" ON "certification" ("scheme", "id") `);
  }
}
