import type { MigrationInterface, QueryRunner } from 'typeorm';

/** disclosure_frozen as DisclosureRegistry wrote it: every column of a filed disclosure is frozen. */
const FROZEN_WITH_VECTOR = `
      CREATE OR REPLACE FUNCTION disclosure_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'disclosure % cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.status = 'WITHDRAWN' THEN
          RAISE EXCEPTION 'disclosure % was withdrawn and cannot change', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.status <> 'DRAFT' AND (
          NEW.status IN ('DRAFT', 'WITHDRAWN') OR
          (NEW.id, NEW.company_id, NEW.ai_system_id, NEW.template_key, NEW.template_version, NEW.kind,
           NEW.reporting_period, NEW.content, NEW.confidential, NEW.public_content, NEW.accession_number,
           NEW.submitted_at, NEW.ledger_seq, NEW.content_hash, NEW.public_hash, NEW.previous_hash, NEW.amends_id,
           NEW.amendment_type, NEW.amendment_reason, NEW.search_vector, NEW.created_by, NEW.created_at)
          IS DISTINCT FROM
          (OLD.id, OLD.company_id, OLD.ai_system_id, OLD.template_key, OLD.template_version, OLD.kind,
           OLD.reporting_period, OLD.content, OLD.confidential, OLD.public_content, OLD.accession_number,
           OLD.submitted_at, OLD.ledger_seq, OLD.content_hash, OLD.public_hash, OLD.previous_hash, OLD.amends_id,
           OLD.amendment_type, OLD.amendment_reason, OLD.search_vector, OLD.created_by, OLD.created_at)
        ) THEN
          RAISE EXCEPTION 'disclosure % is filed (%): its content cannot change', OLD.accession_number, OLD.status
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`;
/** The same without the search vector, which has left the table. */
const FROZEN_WITHOUT_VECTOR = FROZEN_WITH_VECTOR.replaceAll(' NEW.search_vector,', '').replaceAll(
  ' OLD.search_vector,',
  '',
);

export class DisclosureSearchTable1795994100000 implements MigrationInterface {
  name = 'DisclosureSearchTable1795994100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand: the search vectors move out of the filings' rows into a narrow table of their own.
    await queryRunner.query(
      `CREATE TABLE "disclosure_search" ("disclosure_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "document" tsvector NOT NULL, CONSTRAINT "PK_disclosure_search" PRIMARY KEY ("disclosure_id"))`,
    );
    // Compressed in the row, never moved out of line: ranking reads each match's vector from its row's page.
    await queryRunner.query(`ALTER TABLE "disclosure_search" ALTER COLUMN "document" SET STORAGE MAIN`);
    await queryRunner.query(
      `INSERT INTO "disclosure_search" ("disclosure_id", "submitted_at", "document")
       SELECT "id", "submitted_at", "search_vector" FROM "disclosure" WHERE "search_vector" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure_search" ADD CONSTRAINT "FK_84af0455fcfd1dfda252fcdfbaa" FOREIGN KEY ("disclosure_id") REFERENCES "disclosure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_search_document" ON "disclosure_search" USING gin ("document")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION disclosure_search_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the search document of disclosure % cannot change', OLD.disclosure_id
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "disclosure_search_frozen" BEFORE UPDATE OR DELETE ON "disclosure_search" FOR EACH ROW EXECUTE FUNCTION disclosure_search_frozen()`,
    );
    await queryRunner.query(FROZEN_WITHOUT_VECTOR);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_search"`);
    await queryRunner.query(`ALTER TABLE "disclosure" DROP COLUMN "search_vector"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "disclosure" ADD "search_vector" tsvector`);
    await queryRunner.query(`ALTER TABLE "disclosure" DISABLE TRIGGER "disclosure_frozen"`);
    await queryRunner.query(
      `UPDATE "disclosure" d SET "search_vector" = s."document" FROM "disclosure_search" s WHERE s."disclosure_id" = d."id"`,
    );
    await queryRunner.query(`ALTER TABLE "disclosure" ENABLE TRIGGER "disclosure_frozen"`);
    await queryRunner.query(`CREATE INDEX "IDX_disclosure_search" ON "disclosure" USING gin ("search_vector")`);
    await queryRunner.query(FROZEN_WITH_VECTOR);
    await queryRunner.query(`DROP TABLE "disclosure_search"`);
    await queryRunner.query(`DROP FUNCTION disclosure_search_frozen()`);
  }
}
