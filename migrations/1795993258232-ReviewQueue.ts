import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewQueue1795993258232 implements MigrationInterface {
  name = 'ReviewQueue1795993258232';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_review_queue" ON "disclosure"  ("submitted_at", "id", "ai_system_id") WHERE "status" = 'SUBMITTED'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_review_queue"`);
  }
}
