import type { MigrationInterface, QueryRunner } from 'typeorm';
import { chain, GENESIS_HASH, OCCURRED_AT_TEXT, type ExportedEvent } from '../src/audit/audit-chain.js';

/**
 * Chains the audit trail: every event stores its hash and the hash of the event before it (src/audit/audit-chain.ts),
 * and audit_chain_head names the newest one. Events stored before this migration are hashed here, in id order.
 * Ids now come from the head, in chain order, so the sequence goes.
 */
export class AuditHashChain1795983223000 implements MigrationInterface {
  name = 'AuditHashChain1795983223000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_chain_head" ("id" smallint NOT NULL DEFAULT '1', "last_event_id" bigint NOT NULL DEFAULT '0', "last_hash" character(64) NOT NULL, CONSTRAINT "CHK_audit_chain_head_single" CHECK ("id" = 1), CONSTRAINT "PK_9211408bf584034de409b1bbec5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "previous_hash" character(64)`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "hash" character(64)`);

    // The append-only trigger refuses UPDATE; this transaction is the one place that fills the new columns.
    await queryRunner.query(`ALTER TABLE "audit_event" DISABLE TRIGGER "audit_event_no_update_or_delete"`);
    let head = { id: '0', hash: GENESIS_HASH };
    for (;;) {
      const page = (await queryRunner.query(
        `SELECT id::text AS "id", to_char(occurred_at AT TIME ZONE 'UTC', ${OCCURRED_AT_TEXT}) AS "occurredAt",
                actor_user_id AS "actorUserId", actor_api_key_id AS "actorApiKeyId", action, entity_type AS "entityType",
                entity_id AS "entityId", before, after, request_id AS "requestId"
         FROM "audit_event" WHERE id > $1::bigint ORDER BY id LIMIT 1000`,
        [head.id],
      )) as Omit<ExportedEvent, 'previousHash' | 'hash'>[];
      if (!page.length) break;
      const chained = chain(head.hash, page);
      await queryRunner.query(
        `UPDATE "audit_event" e SET previous_hash = u.previous_hash, hash = u.hash
         FROM unnest($1::bigint[], $2::char(64)[], $3::char(64)[]) AS u(id, previous_hash, hash) WHERE e.id = u.id`,
        [chained.map((c) => c.event.id), chained.map((c) => c.event.previousHash), chained.map((c) => c.hash)],
      );
      const last = chained[chained.length - 1];
      head = { id: last.event.id, hash: last.hash };
    }
    await queryRunner.query(`ALTER TABLE "audit_event" ENABLE TRIGGER "audit_event_no_update_or_delete"`);
    await queryRunner.query(`INSERT INTO "audit_chain_head" ("id", "last_event_id", "last_hash") VALUES (1, $1, $2)`, [
      head.id,
      head.hash,
    ]);

    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "previous_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "id" DROP DEFAULT`);
    await queryRunner.query(`DROP SEQUENCE "audit_event_id_seq"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE IF NOT EXISTS "audit_event_id_seq" OWNED BY "audit_event"."id"`);
    await queryRunner.query(
      `SELECT setval('"audit_event_id_seq"', (SELECT coalesce(max(id), 0) + 1 FROM "audit_event"), false)`,
    );
    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "id" SET DEFAULT nextval('"audit_event_id_seq"')`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "hash"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "previous_hash"`);
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
  }
}
