import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Oversight1795991699048 implements MigrationInterface {
  name = 'Oversight1795991699048';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "certification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regulator_id" uuid NOT NULL, "company_id" uuid NOT NULL, "ai_system_id" uuid, "scheme" text NOT NULL, "regime" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "issued_on" date NOT NULL, "expires_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_certification_period" CHECK ("expires_on" > "issued_on"), CONSTRAINT "CHK_certification_regime" CHECK ("regime" IN ('VOLUNTARY', 'MANDATORY')), CONSTRAINT "CHK_certification_status" CHECK ("status" IN ('PENDING', 'ACTIVE', 'SUSPENDED', 'REVOKED')), CONSTRAINT "PK_a7364bd3e4a407f67d8165b820c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_certification_status" ON "certification"  ("status", "expires_on", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_certification_scheme" ON "certification"  ("scheme", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_certification_regulator" ON "certification"  ("regulator_id", "issued_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_certification_system" ON "certification"  ("ai_system_id", "expires_on", "id") WHERE "ai_system_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_certification_company" ON "certification"  ("company_id", "expires_on", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "certification_status_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "from_status" character varying(16), "to_status" character varying(16) NOT NULL, "reason" text NOT NULL, "changed_by" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "certification_id" uuid NOT NULL, CONSTRAINT "PK_7c67f782605f4cc3a2a97bae020" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_certification_status_change" ON "certification_status_change"  ("certification_id", "changed_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "disclosure_requirement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regulator_id" uuid, "jurisdiction" character varying(8), "initiative_id" uuid, "title" text NOT NULL, "regime" character varying(16) NOT NULL, "risk_levels" character varying array NOT NULL, "organization_roles" character varying array NOT NULL, "templates" jsonb NOT NULL, "certification_required" boolean NOT NULL, "certification_scheme" text, "effective_from" date NOT NULL, "effective_until" date, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_disclosure_requirement_templates" CHECK (jsonb_typeof("templates") = 'array' AND jsonb_array_length("templates") >= 1), CONSTRAINT "CHK_disclosure_requirement_period" CHECK ("effective_until" IS NULL OR "effective_until" > "effective_from"), CONSTRAINT "CHK_disclosure_requirement_roles" CHECK ("organization_roles" <@ ARRAY['MODEL_DEVELOPER', 'APPLICATION_DEVELOPER', 'DEPLOYER']::varchar[]), CONSTRAINT "CHK_disclosure_requirement_risk_levels" CHECK ("risk_levels" <@ ARRAY['MINIMAL', 'LIMITED', 'HIGH', 'UNACCEPTABLE']::varchar[]), CONSTRAINT "CHK_disclosure_requirement_issuer" CHECK (("regulator_id" IS NULL) <> ("initiative_id" IS NULL) AND ("regulator_id" IS NULL) = ("jurisdiction" IS NULL)), CONSTRAINT "CHK_disclosure_requirement_regime" CHECK ("regime" IN ('VOLUNTARY', 'MANDATORY')), CONSTRAINT "PK_2986715bb260e1b42d922d180f5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_requirement_regulator" ON "disclosure_requirement"  ("regulator_id", "effective_from") WHERE "regulator_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_requirement_initiative" ON "disclosure_requirement"  ("initiative_id", "effective_from") WHERE "initiative_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_disclosure_requirement_jurisdiction" ON "disclosure_requirement"  ("jurisdiction", "effective_from") WHERE "jurisdiction" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "enforcement_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "regulator_id" uuid NOT NULL, "jurisdiction" character varying(8) NOT NULL, "company_id" uuid NOT NULL, "ai_system_id" uuid, "disclosure_id" uuid, "kind" character varying(32) NOT NULL, "status" character varying(16) NOT NULL, "legal_basis" text NOT NULL, "decided_on" date NOT NULL, "effective_from" date NOT NULL, "effective_until" date, "public_summary" text NOT NULL, "penalty_amount" numeric(20,2), "penalty_currency" character(3), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_enforcement_effective" CHECK ("effective_until" IS NULL OR "effective_until" > "effective_from"), CONSTRAINT "CHK_enforcement_penalty" CHECK (("kind" = 'MONETARY_PENALTY') = ("penalty_amount" IS NOT NULL) AND ("penalty_amount" IS NULL) = ("penalty_currency" IS NULL) AND ("penalty_amount" IS NULL OR "penalty_amount" > 0) AND ("penalty_currency" IS NULL OR "penalty_currency" ~ '^[A-Z]{3}$')), CONSTRAINT "CHK_enforcement_status" CHECK ("status" IN ('OPEN', 'UNDER_APPEAL', 'RESOLVED', 'WITHDRAWN')), CONSTRAINT "CHK_enforcement_kind" CHECK ("kind" IN ('MONETARY_PENALTY', 'DEPLOYMENT_RESTRICTION', 'DEPLOYMENT_SUSPENSION', 'DEPLOYMENT_BAN', 'WARNING', 'CORRECTIVE_ORDER')), CONSTRAINT "PK_628bb9b94668d4be2aca50758ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_enforcement_status" ON "enforcement_action"  ("status", "decided_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_enforcement_kind" ON "enforcement_action"  ("kind", "decided_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_enforcement_jurisdiction" ON "enforcement_action"  ("jurisdiction", "decided_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_enforcement_regulator" ON "enforcement_action"  ("regulator_id", "decided_on", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_enforcement_system" ON "enforcement_action"  ("ai_system_id", "decided_on", "id") WHERE "ai_system_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_enforcement_company" ON "enforcement_action"  ("company_id", "decided_on", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "enforcement_status_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "from_status" character varying(16), "to_status" character varying(16) NOT NULL, "reason" text NOT NULL, "changed_by" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "enforcement_action_id" uuid NOT NULL, CONSTRAINT "PK_c0e007b8aa254e6c97fb401f34b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_enforcement_status_change" ON "enforcement_status_change"  ("enforcement_action_id", "changed_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "disclosure_id" uuid NOT NULL, "regulator_id" uuid NOT NULL, "reviewer_id" uuid, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decision" character varying(24), "summary" text, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_review_decision" CHECK (("decision" IS NULL) = ("decided_at" IS NULL) AND ("decision" IS NULL) = ("summary" IS NULL) AND ("decision" IS NULL OR "decision" IN ('ACCEPT', 'REJECT', 'REQUEST_AMENDMENT')) AND ("decided_at" IS NULL OR "decided_at" >= "opened_at")), CONSTRAINT "PK_2e4299a343a81574217255c00ca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_review_regulator" ON "review"  ("regulator_id", "opened_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_review_disclosure" ON "review"  ("disclosure_id", "opened_at", "id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_review_open_disclosure" ON "review"  ("disclosure_id") WHERE "decided_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "review_finding" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "review_id" uuid NOT NULL, "field_path" text NOT NULL, "severity" character varying(16) NOT NULL, "requirement" text NOT NULL, "comment" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_review_finding_severity" CHECK ("severity" IN ('INFO', 'MINOR', 'MAJOR', 'CRITICAL')), CONSTRAINT "PK_c081e82ec2a32cee787cab22067" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_review_finding_review" ON "review_finding"  ("review_id", "created_at", "id") `,
    );
    await queryRunner.query(`ALTER TABLE "regulator" ADD "website" text`);
    await queryRunner.query(
      `ALTER TABLE "regulator" ADD CONSTRAINT "CHK_regulator_website" CHECK ("website" ~ '^https?://')`,
    );
    await queryRunner.query(
      `ALTER TABLE "certification" ADD CONSTRAINT "FK_ca76922dd422df934b81ed89329" FOREIGN KEY ("regulator_id") REFERENCES "regulator"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certification" ADD CONSTRAINT "FK_cd22fcab772cf1a2663bcbc39d4" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certification" ADD CONSTRAINT "FK_00959aa338e8b58c06c6403692f" FOREIGN KEY ("ai_system_id", "company_id") REFERENCES "ai_system"("id","company_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certification_status_change" ADD CONSTRAINT "FK_5f0fa559a26a4c608e72053616c" FOREIGN KEY ("certification_id") REFERENCES "certification"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure_requirement" ADD CONSTRAINT "FK_5abb29de4f5f32534fff92003e7" FOREIGN KEY ("regulator_id") REFERENCES "regulator"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure_requirement" ADD CONSTRAINT "FK_fad6cc59d619371eb45bc535aad" FOREIGN KEY ("jurisdiction") REFERENCES "party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disclosure_requirement" ADD CONSTRAINT "FK_d8d5375fffe744fdd53859fae72" FOREIGN KEY ("initiative_id") REFERENCES "initiative"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enforcement_action" ADD CONSTRAINT "FK_83b3d50b90b74be93ea3e1bc2ea" FOREIGN KEY ("regulator_id") REFERENCES "regulator"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enforcement_action" ADD CONSTRAINT "FK_c317f6785176a647b56f67776e2" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enforcement_action" ADD CONSTRAINT "FK_7cb534c0819147fa5daa0f4e773" FOREIGN KEY ("ai_system_id", "company_id") REFERENCES "ai_system"("id","company_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enforcement_action" ADD CONSTRAINT "FK_a0b3bbb93987cdc90a29ee9f13e" FOREIGN KEY ("disclosure_id") REFERENCES "disclosure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enforcement_status_change" ADD CONSTRAINT "FK_33c00869f86adb865ec4d395bf8" FOREIGN KEY ("enforcement_action_id") REFERENCES "enforcement_action"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review" ADD CONSTRAINT "FK_75659c41a40ecf336e0054f75c6" FOREIGN KEY ("disclosure_id") REFERENCES "disclosure"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review" ADD CONSTRAINT "FK_7745ef713daa2ca978792c83b9c" FOREIGN KEY ("regulator_id") REFERENCES "regulator"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review" ADD CONSTRAINT "FK_2f8adca6682f8238c64d767c9d3" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_finding" ADD CONSTRAINT "FK_79dbaaacca555ee1fe8b88298b7" FOREIGN KEY ("review_id") REFERENCES "review"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Written by hand from here on: the state machines, enforced by the database as well as the services.
    // A filing's status moves only along DRAFT -> SUBMITTED | WITHDRAWN, SUBMITTED -> UNDER_REVIEW,
    // UNDER_REVIEW -> ACCEPTED | REJECTED | AMENDMENT_REQUESTED, ACCEPTED -> SUPERSEDED.
    await queryRunner.query(`
      CREATE FUNCTION disclosure_status_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status AND (OLD.status, NEW.status) NOT IN (
          ('DRAFT', 'SUBMITTED'), ('DRAFT', 'WITHDRAWN'), ('SUBMITTED', 'UNDER_REVIEW'),
          ('UNDER_REVIEW', 'ACCEPTED'), ('UNDER_REVIEW', 'REJECTED'), ('UNDER_REVIEW', 'AMENDMENT_REQUESTED'),
          ('ACCEPTED', 'SUPERSEDED')
        ) THEN
          RAISE EXCEPTION 'disclosure % cannot go from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "disclosure_status_transition" BEFORE UPDATE OF "status" ON "disclosure" FOR EACH ROW EXECUTE FUNCTION disclosure_status_transition()`,
    );
    // A decided review never changes.
    await queryRunner.query(`
      CREATE FUNCTION review_decided() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.decided_at IS NOT NULL THEN
          RAISE EXCEPTION 'review % is decided and cannot change', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "review_decided" BEFORE UPDATE OR DELETE ON "review" FOR EACH ROW EXECUTE FUNCTION review_decided()`,
    );
    // Certifications: PENDING -> ACTIVE, ACTIVE <-> SUSPENDED, any -> REVOKED (final).
    await queryRunner.query(`
      CREATE FUNCTION certification_status_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status AND (OLD.status = 'REVOKED' OR (NEW.status <> 'REVOKED'
            AND (OLD.status, NEW.status) NOT IN (('PENDING', 'ACTIVE'), ('ACTIVE', 'SUSPENDED'), ('SUSPENDED', 'ACTIVE'))))
        THEN
          RAISE EXCEPTION 'certification % cannot go from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "certification_status_transition" BEFORE UPDATE OF "status" ON "certification" FOR EACH ROW EXECUTE FUNCTION certification_status_transition()`,
    );
    // Enforcement: OPEN -> UNDER_APPEAL; OPEN or UNDER_APPEAL -> RESOLVED | WITHDRAWN (both final).
    await queryRunner.query(`
      CREATE FUNCTION enforcement_status_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status AND (OLD.status, NEW.status) NOT IN (
          ('OPEN', 'UNDER_APPEAL'), ('OPEN', 'RESOLVED'), ('OPEN', 'WITHDRAWN'),
          ('UNDER_APPEAL', 'RESOLVED'), ('UNDER_APPEAL', 'WITHDRAWN')
        ) THEN
          RAISE EXCEPTION 'enforcement action % cannot go from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "enforcement_status_transition" BEFORE UPDATE OF "status" ON "enforcement_action" FOR EACH ROW EXECUTE FUNCTION enforcement_status_transition()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "enforcement_status_transition" ON "enforcement_action"`);
    await queryRunner.query(`DROP FUNCTION enforcement_status_transition()`);
    await queryRunner.query(`DROP TRIGGER "certification_status_transition" ON "certification"`);
    await queryRunner.query(`DROP FUNCTION certification_status_transition()`);
    await queryRunner.query(`DROP TRIGGER "review_decided" ON "review"`);
    await queryRunner.query(`DROP FUNCTION review_decided()`);
    await queryRunner.query(`DROP TRIGGER "disclosure_status_transition" ON "disclosure"`);
    await queryRunner.query(`DROP FUNCTION disclosure_status_transition()`);
    await queryRunner.query(`ALTER TABLE "review_finding" DROP CONSTRAINT "FK_79dbaaacca555ee1fe8b88298b7"`);
    await queryRunner.query(`ALTER TABLE "review" DROP CONSTRAINT "FK_2f8adca6682f8238c64d767c9d3"`);
    await queryRunner.query(`ALTER TABLE "review" DROP CONSTRAINT "FK_7745ef713daa2ca978792c83b9c"`);
    await queryRunner.query(`ALTER TABLE "review" DROP CONSTRAINT "FK_75659c41a40ecf336e0054f75c6"`);
    await queryRunner.query(`ALTER TABLE "enforcement_status_change" DROP CONSTRAINT "FK_33c00869f86adb865ec4d395bf8"`);
    await queryRunner.query(`ALTER TABLE "enforcement_action" DROP CONSTRAINT "FK_a0b3bbb93987cdc90a29ee9f13e"`);
    await queryRunner.query(`ALTER TABLE "enforcement_action" DROP CONSTRAINT "FK_7cb534c0819147fa5daa0f4e773"`);
    await queryRunner.query(`ALTER TABLE "enforcement_action" DROP CONSTRAINT "FK_c317f6785176a647b56f67776e2"`);
    await queryRunner.query(`ALTER TABLE "enforcement_action" DROP CONSTRAINT "FK_83b3d50b90b74be93ea3e1bc2ea"`);
    await queryRunner.query(`ALTER TABLE "disclosure_requirement" DROP CONSTRAINT "FK_d8d5375fffe744fdd53859fae72"`);
    await queryRunner.query(`ALTER TABLE "disclosure_requirement" DROP CONSTRAINT "FK_fad6cc59d619371eb45bc535aad"`);
    await queryRunner.query(`ALTER TABLE "disclosure_requirement" DROP CONSTRAINT "FK_5abb29de4f5f32534fff92003e7"`);
    await queryRunner.query(
      `ALTER TABLE "certification_status_change" DROP CONSTRAINT "FK_5f0fa559a26a4c608e72053616c"`,
    );
    await queryRunner.query(`ALTER TABLE "certification" DROP CONSTRAINT "FK_00959aa338e8b58c06c6403692f"`);
    await queryRunner.query(`ALTER TABLE "certification" DROP CONSTRAINT "FK_cd22fcab772cf1a2663bcbc39d4"`);
    await queryRunner.query(`ALTER TABLE "certification" DROP CONSTRAINT "FK_ca76922dd422df934b81ed89329"`);
    await queryRunner.query(`ALTER TABLE "regulator" DROP CONSTRAINT "CHK_regulator_website"`);
    await queryRunner.query(`ALTER TABLE "regulator" DROP COLUMN "website"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_review_finding_review"`);
    await queryRunner.query(`DROP TABLE "review_finding"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_review_open_disclosure"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_review_disclosure"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_review_regulator"`);
    await queryRunner.query(`DROP TABLE "review"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enforcement_status_change"`);
    await queryRunner.query(`DROP TABLE "enforcement_status_change"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enforcement_company"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enforcement_system"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enforcement_regulator"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enforcement_jurisdiction"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enforcement_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_enforcement_status"`);
    await queryRunner.query(`DROP TABLE "enforcement_action"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_requirement_jurisdiction"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_requirement_initiative"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_disclosure_requirement_regulator"`);
    await queryRunner.query(`DROP TABLE "disclosure_requirement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_certification_status_change"`);
    await queryRunner.query(`DROP TABLE "certification_status_change"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_certification_company"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_certification_system"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_certification_regulator"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_certification_scheme"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_certification_status"`);
    await queryRunner.query(`DROP TABLE "certification"`);
  }
}
