import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables a signed-in caller is read from (see PrincipalsRepository): a change to any of them is announced. */
const PRINCIPAL_SOURCES = ['app_user', 'user_role', 'user_membership', 'organization', 'revoked_token'];

export class PrincipalChangeNotify1795994200000 implements MigrationInterface {
  name = 'PrincipalChangeNotify1795994200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand. Every replica keeps the callers it has read and LISTENs on this channel: PostgreSQL delivers
    // the notification at commit (never for a rolled-back change), one per transaction, and each replica then
    // forgets every caller it kept. One statement-level trigger per table keeps the cost to writers at one NOTIFY.
    await queryRunner.query(
      `CREATE FUNCTION "principals_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('principals_changed', '');
         RETURN NULL;
       END $$`,
    );
    for (const table of PRINCIPAL_SOURCES) {
      await queryRunner.query(
        `CREATE TRIGGER "principals_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION "principals_changed"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of PRINCIPAL_SOURCES) {
      await queryRunner.query(`DROP TRIGGER "principals_changed" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "principals_changed"()`);
  }
}
