import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplianceIndexes1795992855819 implements MigrationInterface {
  name = 'ComplianceIndexes1795992855819';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand: compliance probes a system's filings under one template, reading only the index.
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_system_template_period" ON "disclosure" ("ai_system_id", "template_key", "reporting_period") INCLUDE ("status", "template_version", "amendment_type", "submitted_at", "accession_number") WHERE "submitted_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_requirement_effective" ON "disclosure_requirement"  ("effective_from", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_requirement_effective"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_system_template_period"`);
  }
}
