import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows decide compliance: any statement on one of them moves the version. */
const COMPLIANCE_INPUTS = [
  'disclosure_requirement',
  'disclosure',
  'certification',
  'enforcement_action',
  'ai_system',
  'ai_system_deployment',
  'company',
  'participation',
  'country_group_membership',
];

export class ComplianceInputsVersion1795994000000 implements MigrationInterface {
  name = 'ComplianceInputsVersion1795994000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand. A sequence, not a counter row: nextval never waits for another transaction, so writers do
    // not queue on it. Both functions run as the owner, so the service's role needs no right on the sequence.
    await queryRunner.query(`CREATE SEQUENCE "compliance_inputs_version"`);
    await queryRunner.query(
      `CREATE FUNCTION "compliance_inputs_changed"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
       SET search_path = public, pg_temp AS $$
       BEGIN
         PERFORM nextval('compliance_inputs_version');
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "compliance_inputs_version"() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
       SET search_path = public, pg_temp AS $$ SELECT last_value FROM compliance_inputs_version $$`,
    );
    for (const table of COMPLIANCE_INPUTS) {
      await queryRunner.query(
        `CREATE TRIGGER "compliance_inputs_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION "compliance_inputs_changed"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of COMPLIANCE_INPUTS) {
      await queryRunner.query(`DROP TRIGGER "compliance_inputs_changed" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "compliance_inputs_version"()`);
    await queryRunner.query(`DROP FUNCTION "compliance_inputs_changed"()`);
    await queryRunner.query(`DROP SEQUENCE "compliance_inputs_version"`);
  }
}
