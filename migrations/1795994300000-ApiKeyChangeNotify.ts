import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeyChangeNotify1795994300000 implements MigrationInterface {
  name = 'ApiKeyChangeNotify1795994300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand. API keys' callers are kept too (PrincipalCache), so a change to a key is announced like the
    // other sources of a caller (migration PrincipalChangeNotify), except the record of its use: last_used_at moves
    // on use, at most once a minute per key and replica, and would otherwise empty every replica's callers as often.
    await queryRunner.query(
      `CREATE TRIGGER "principals_changed" AFTER DELETE OR TRUNCATE ON "api_key"
       FOR EACH STATEMENT EXECUTE FUNCTION "principals_changed"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "principals_changed_by_update" AFTER UPDATE ON "api_key" FOR EACH ROW
       WHEN ((to_jsonb(OLD) - 'last_used_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_used_at'))
       EXECUTE FUNCTION "principals_changed"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "principals_changed_by_update" ON "api_key"`);
    await queryRunner.query(`DROP TRIGGER "principals_changed" ON "api_key"`);
  }
}
