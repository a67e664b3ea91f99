import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DisclosureRegistry1795990089661 implements MigrationInterface {
  name = 'DisclosureRegistry1795990089661';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ai_system" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "name" text NOT NULL, "purpose" text NOT NULL, "risk_level" character varying(16) NOT NULL, "organization_role" character varying(24) NOT NULL, "lifecycle_stage" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ai_system_id_company" UNIQUE ("id", "company_id"), CONSTRAINT "CHK_ai_system_lifecycle_stage" CHECK ("lifecycle_stage" IN ('DESIGN', 'DATA', 'DEVELOPMENT', 'VALIDATION', 'DEPLOYMENT', 'MONITORING', 'RETIREMENT')), CONSTRAINT "CHK_ai_system_organization_role" CHECK ("organization_role" IN ('MODEL_DEVELOPER', 'APPLICATION_DEVELOPER', 'DEPLOYER')), CONSTRAINT "CHK_ai_system_risk_level" CHECK ("risk_level" IN ('MINIMAL', 'LIMITED', 'HIGH', 'UNACCEPTABLE')), CONSTRAINT "PK_bc3f92b26cfb682d0a31b1fc5c2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ai_system_risk_level" ON "ai_system"  ("risk_level", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ai_system_company_name" ON "ai_system"  ("company_id", "name", "id") `);
    await queryRunner.query(
      `CREATE TABLE "ai_system_deployment" ("ai_system_id" uuid NOT NULL, "party_code" character varying(8) NOT NULL, CONSTRAINT "PK_ad3d06549a36a7e8e88221df0a0" PRIMARY KEY ("ai_system_id", "party_code"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ai_system_deployment_party" ON "ai_system_deployment"  ("party_code", "ai_system_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "disclosure_ledger_head" ("company_id" uuid NOT NULL, "last_seq" integer NOT NULL, "last_hash" character(64) NOT NULL, CONSTRAINT "PK_05f01fb0a2f0dc89aa1b92f7238" PRIMARY KEY ("company_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "disclosure_template" ("key" character varying(64) NOT NULL, "version" integer NOT NULL, "kind" character varying(64) NOT NULL, "name" text NOT NULL, "issuing_body" text NOT NULL, "description" text NOT NULL, "source_url" text NOT NULL, "sections" jsonb NOT NULL, "schema" jsonb NOT NULL, "required_fields" text array NOT NULL, "confidential_fields" text array NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_disclosure_template_kind" CHECK ("kind" ~ '^[A-Z][A-Z0-9_]{1,63}$'), CONSTRAINT "CHK_disclosure_template_version" CHECK ("version" >= 1), CONSTRAINT "CHK_disclosure_template_key" CHECK ("key" ~ '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$'), CONSTRAINT "PK_2e6d0fcfbfce35ab0bd92a7b63c" PRIMARY KEY ("key", "version"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "disclosure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "company_id" uuid NOT NULL, "ai_system_id" uuid NOT NULL, "template_key" character varying(64) NOT NULL, "template_version" integer NOT NULL, "kind" character varying(64) NOT NULL, "reporting_period" character varying(7) NOT NULL, "status" character varying(24) NOT NULL, "content" jsonb NOT NULL, "confidential" jsonb NOT NULL, "public_content" jsonb, "accession_number" character varying(24), "submitted_at" TIMESTAMP WITH TIME ZONE, "ledger_seq" integer, "content_hash" character(64), "public_hash" character(64), "previous_hash" character(64), "amends_id" uuid, "amendment_type" character varying(16), "amendment_reason" text, "search_vector" tsvector, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_disclosure_company_ledger_seq" UNIQUE ("company_id", "ledger_seq"), CONSTRAINT "UQ_disclosure_accession_number" UNIQUE ("accession_number"), CONSTRAINT "CHK_disclosure_hashes" CHECK ("content_hash" ~ '^[0-9a-f]{64}$' AND "public_hash" ~ '^[0-9a-f]{64}$'), CONSTRAINT "CHK_disclosure_accession" CHECK ("accession_number" ~ '^AID-[0-9]{4}-[0-9]{6,}$'), CONSTRAINT "CHK_disclosure_content" CHECK (jsonb_typeof("content") = 'object' AND jsonb_typeof("confidential") = 'array'), CONSTRAINT "CHK_disclosure_amendment" CHECK (("amends_id" IS NULL) = ("amendment_type" IS NULL) AND ("amends_id" IS NULL) = ("amendment_reason" IS NULL) AND ("amendment_type" IS NULL OR "amendment_type" IN ('CORRECTION', 'RESTATEMENT', 'SUPPLEMENT', 'WITHDRAWAL')) AND "amends_id" <> "id"), CONSTRAINT "CHK_disclosure_period" CHECK ("reporting_period" ~ '^[0-9]{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$'), CONSTRAINT "CHK_disclosure_filed" CHECK (("status" NOT IN ('DRAFT', 'WITHDRAWN')) = ("accession_number" IS NOT NULL) AND ("status" NOT IN ('DRAFT', 'WITHDRAWN')) = ("submitted_at" IS NOT NULL) AND ("status" NOT IN ('DRAFT', 'WITHDRAWN')) = ("ledger_seq" IS NOT NULL) AND ("status" NOT IN ('DRAFT', 'WITHDRAWN')) = ("content_hash" IS NOT NULL) AND ("status" NOT IN ('DRAFT', 'WITHDRAWN')) = ("public_hash" IS NOT NULL)), CONSTRAINT "CHK_disclosure_status" CHECK ("status" IN ('DRAFT', 'WITHDRAWN', 'SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED', 'REJECTED', 'AMENDMENT_REQUESTED', 'SUPERSEDED')), CONSTRAINT "PK_b8eace3be471f4a07b7fce9f4d6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_amends" ON "disclosure"  ("amends_id", "created_at", "id") WHERE "amends_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_company_draft" ON "disclosure"  ("company_id", "created_at", "id") WHERE "status" = 'DRAFT'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_status_submitted" ON "disclosure"  ("status", "submitted_at", "id") WHERE "submitted_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_kind_submitted" ON "disclosure"  ("kind", "submitted_at", "id") WHERE "submitted_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_template_submitted" ON "disclosure"  ("template_key", "submitted_at", "id") WHERE "submitted_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_system_submitted" ON "disclosure"  ("ai_system_id", "submitted_at", "id") WHERE "submitted_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_company_submitted" ON "disclosure"  ("company_id", "submitted_at", "id") WHERE "submitted_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_submitted" ON "disclosure"  ("submitted_at", "id") WHERE "submitted_at" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "company" ADD "lei" character(20)`);
    await queryRunner.query(`ALTER TABLE "company" ADD "sector" text`);
    await queryRunner.query(`ALTER TABLE "company" ADD "website" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_company_lei" ON "company"  ("lei") `);
    await queryRunner.query(`CREATE INDEX "IDX_company_sector_name" ON "company"  ("sector", "name", "id") `);
    await queryRunner.query(
      `ALTER TABLE "company" ADD CONSTRAINT "CHK_company_website" CHECK ("website" ~ '^https?://')`,
    );
    await queryRunner.query(
      `ALTER TABLE "company" ADD CONSTRAINT "CHK_company_lei" CHECK ("lei" ~ '^[0-9A-Z]{18}[0-9]{2}$')`,
    );
    await queryRunner.query(
      `ALTER TABLE "ai_system" ADD CONSTRAINT "FK_642eed3012f543258c46081bcf2" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ai_system_deployment" ADD CONSTRAINT "FK_0b44b8f3607c9cba5c96cbc5f65" FOREIGN KEY ("ai_system_id") REFERENCES "ai_system"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ai_system_deployment" ADD CONSTRAINT "FK_c81bb66d4aa822eee86f397c72e" FOREIGN KEY ("party_code") REFERENCES "party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure_ledger_head" ADD CONSTRAINT "FK_05f01fb0a2f0dc89aa1b92f7238" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure" ADD CONSTRAINT "FK_db062bbb3007beb9ec8c871014c" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure" ADD CONSTRAINT "FK_f08c2eb11677e705d08d7803114" FOREIGN KEY ("ai_system_id", "company_id") REFERENCES "ai_system"("id","company_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure" ADD CONSTRAINT "FK_62b5a94ec4716e44419438f2e25" FOREIGN KEY ("template_key", "template_version") REFERENCES "disclosure_template"("key","version") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure" ADD CONSTRAINT "FK_6fcc58f532406d977b4bef8053e" FOREIGN KEY ("amends_id") REFERENCES "disclosure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Written by hand from here on.
    await queryRunner.query(`CREATE INDEX "IDX_disclosure_search" ON "disclosure" USING gin ("search_vector")`);
    // Accession numbers: never reused (a sequence does not go back, even when a submission rolls back).
    await queryRunner.query(`CREATE SEQUENCE "disclosure_accession_seq" OWNED BY "disclosure"."accession_number"`);
    // From submission on, only the status moves; nothing is ever deleted.
    await queryRunner.query(`
      CREATE FUNCTION disclosure_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
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
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "disclosure_frozen" BEFORE UPDATE OR DELETE ON "disclosure" FOR EACH ROW EXECUTE FUNCTION disclosure_frozen()`,
    );
    // A template version that a filing (even a draft) uses never changes.
    await queryRunner.query(`
      CREATE FUNCTION disclosure_template_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM disclosure WHERE template_key = OLD.key AND template_version = OLD.version) THEN
          RAISE EXCEPTION 'template %@% is used by a filing and cannot change', OLD.key, OLD.version
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "disclosure_template_frozen" BEFORE UPDATE OR DELETE ON "disclosure_template" FOR EACH ROW EXECUTE FUNCTION disclosure_template_frozen()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "disclosure_template_frozen" ON "disclosure_template"`);
    await queryRunner.query(`DROP FUNCTION disclosure_template_frozen()`);
    await queryRunner.query(`DROP TRIGGER "disclosure_frozen" ON "disclosure"`);
    await queryRunner.query(`DROP FUNCTION disclosure_frozen()`);
    await queryRunner.query(`DROP SEQUENCE "disclosure_accession_seq"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_search"`);
    await queryRunner.query(`ALTER TABLE "disclosure" DROP CONSTRAINT "FK_6fcc58f532406d977b4bef8053e"`);
    await queryRunner.query(`ALTER TABLE "disclosure" DROP CONSTRAINT "FK_62b5a94ec4716e44419438f2e25"`);
    await queryRunner.query(`ALTER TABLE "disclosure" DROP CONSTRAINT "FK_f08c2eb11677e705d08d7803114"`);
    await queryRunner.query(`ALTER TABLE "disclosure" DROP CONSTRAINT "FK_db062bbb3007beb9ec8c871014c"`);
    await queryRunner.query(`ALTER TABLE "disclosure_ledger_head" DROP CONSTRAINT "FK_05f01fb0a2f0dc89aa1b92f7238"`);
    await queryRunner.query(`ALTER TABLE "ai_system_deployment" DROP CONSTRAINT "FK_c81bb66d4aa822eee86f397c72e"`);
    await queryRunner.query(`ALTER TABLE "ai_system_deployment" DROP CONSTRAINT "FK_0b44b8f3607c9cba5c96cbc5f65"`);
    await queryRunner.query(`ALTER TABLE "ai_system" DROP CONSTRAINT "FK_642eed3012f543258c46081bcf2"`);
    await queryRunner.query(`ALTER TABLE "company" DROP CONSTRAINT "CHK_company_lei"`);
    await queryRunner.query(`ALTER TABLE "company" DROP CONSTRAINT "CHK_company_website"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_company_sector_name"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_company_lei"`);
    await queryRunner.query(`ALTER TABLE "company" DROP COLUMN "website"`);
    await queryRunner.query(`ALTER TABLE "company" DROP COLUMN "sector"`);
    await queryRunner.query(`ALTER TABLE "company" DROP COLUMN "lei"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_submitted"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_company_submitted"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_system_submitted"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_template_submitted"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_kind_submitted"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_status_submitted"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_company_draft"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_amends"`);
    await queryRunner.query(`DROP TABLE "disclosure"`);
    await queryRunner.query(`DROP TABLE "disclosure_template"`);
    await queryRunner.query(`DROP TABLE "disclosure_ledger_head"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ai_system_deployment_party"`);
    await queryRunner.query(`DROP TABLE "ai_system_deployment"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ai_system_company_name"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ai_system_risk_level"`);
    await queryRunner.query(`DROP TABLE "ai_system"`);
  }
}
