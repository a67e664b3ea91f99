import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DisclosureTemplateUse1795992444409 implements MigrationInterface {
  name = 'DisclosureTemplateUse1795992444409';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_template_version" ON "disclosure"  ("template_key", "template_version") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_template_version"`);
  }
}
