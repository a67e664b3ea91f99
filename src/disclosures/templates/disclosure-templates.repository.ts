import { Injectable } from '@nestjs/common';
import type { AuditedRecords } from '../../audit/audited-writes.js';
import { Database } from '../../database/database.js';
import { firstRow, type SqlRunner } from '../../database/sql-runner.js';
import type { Tx } from '../../database/transaction.js';
import { DisclosureTemplate } from './disclosure-template.entity.js';
import type { TemplateRecord, TemplateSnapshot, TemplateVersion } from './template-record.js';

/** The columns a template version is stored from, in the order of `valuesOf`. */
const STORED = `key, version, kind, name, issuing_body, description, source_url, sections, schema, required_fields,
                confidential_fields`;

function valuesOf(template: TemplateVersion): unknown[] {
  return [
    template.key,
    template.version,
    template.kind,
    template.name,
    template.issuingBody,
    template.description,
    template.sourceUrl,
    JSON.stringify(template.sections),
    JSON.stringify(template.schema),
    template.requiredFields,
    template.confidentialFields,
  ];
}

/** Owns disclosure_template. */
@Injectable()
export class DisclosureTemplatesRepository implements AuditedRecords<TemplateSnapshot> {
  readonly entityType = 'disclosure_template';
  readonly label = 'disclosure template';

  constructor(private readonly db: Database) {}

  private get columns(): string {
    return this.db.columns(DisclosureTemplate, 't');
  }

  find(key: string, version: number): Promise<TemplateRecord | undefined> {
    return firstRow<TemplateRecord>(
      this.db.reads,
      `SELECT ${this.columns} FROM disclosure_template t WHERE t.key = $1 AND t.version = $2`,
      [key, version],
    );
  }

  latest(key: string): Promise<TemplateRecord | undefined> {
    return firstRow<TemplateRecord>(
      this.db.reads,
      `SELECT ${this.columns} FROM disclosure_template t WHERE t.key = $1 ORDER BY t.version DESC LIMIT 1`,
      [key],
    );
  }

  /** Every version of every key (or of `key`), by key then version, at most `limit`. */
  list(key: string | null, limit: number): Promise<TemplateRecord[]> {
    return this.db.reads.rows<TemplateRecord>(
      `SELECT ${this.columns} FROM disclosure_template t WHERE ($1::varchar IS NULL OR t.key = $1)
       ORDER BY t.key, t.version LIMIT $2`,
      [key, limit],
    );
  }

  /** The highest version of `key`, 0 when there is none. */
  async latestVersion(tx: Tx, key: string): Promise<number> {
    const [{ version }] = await tx.rows<{ version: number }>(
      `SELECT coalesce(max(version), 0) AS version FROM disclosure_template WHERE key = $1`,
      [key],
    );
    return version;
  }

  /**
   * Whether a filing (a draft included) uses each version. The one read of a table this module does not own: it
   * is the question the database's freezing trigger asks too.
   */
  async inUse(versions: readonly { key: string; version: number }[], runner: SqlRunner = this.db.reads) {
    const rows = await runner.rows<{ inUse: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM disclosure d WHERE d.template_key = v.key AND d.template_version = v.version)
                AS "inUse"
       FROM unnest($1::varchar[], $2::integer[]) WITH ORDINALITY AS v(key, version, n)
       ORDER BY v.n`,
      [versions.map((each) => each.key), versions.map((each) => each.version)],
    );
    return rows.map((row) => row.inUse);
  }

  async insert(tx: Tx, template: TemplateVersion): Promise<TemplateSnapshot> {
    const [created] = await tx.rows<TemplateSnapshot>(
      `INSERT INTO disclosure_template AS t (${STORED})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::text[], $11::text[])
       RETURNING ${this.snapshotColumns}`,
      valuesOf(template),
    );
    return created;
  }

  /** Replaces an unused version's contract; changes nothing (not even the publication time) when it is the same. */
  async replace(tx: Tx, template: TemplateVersion): Promise<void> {
    await tx.rows(
      `UPDATE disclosure_template SET kind = $3, name = $4, issuing_body = $5, description = $6, source_url = $7,
              sections = $8::jsonb, schema = $9::jsonb, required_fields = $10::text[], confidential_fields = $11::text[],
              published_at = now()
       WHERE key = $1 AND version = $2
         AND (kind, name, issuing_body, description, source_url, sections, schema, required_fields, confidential_fields)
             IS DISTINCT FROM ($3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::text[], $11::text[])`,
      valuesOf(template),
    );
  }

  read(tx: Tx, id: string): Promise<TemplateSnapshot | null> {
    return this.byId(tx, id, '');
  }

  lockAndRead(tx: Tx, id: string): Promise<TemplateSnapshot | null> {
    return this.byId(tx, id, 'FOR UPDATE');
  }

  private get snapshotColumns(): string {
    return `t.key || '@' || t.version AS id, ${this.columns}`;
  }

  private async byId(tx: Tx, id: string, lock: '' | 'FOR UPDATE'): Promise<TemplateSnapshot | null> {
    const at = id.lastIndexOf('@');
    const row = await firstRow<TemplateSnapshot>(
      tx,
      `SELECT ${this.snapshotColumns} FROM disclosure_template t WHERE t.key = $1 AND t.version = $2 ${lock}`,
      [id.slice(0, at), Number(id.slice(at + 1))],
    );
    return row ?? null;
  }
}

/** The seed's writes, as the owner at start-up: versions the registry lacks, never a change to one it holds. */
export class TemplateSeedRepository {
  constructor(private readonly tx: SqlRunner) {}

  async insertMissing(templates: TemplateVersion[]): Promise<void> {
    for (const template of templates) {
      await this.tx.rows(
        `INSERT INTO disclosure_template (${STORED})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::text[], $11::text[])
         ON CONFLICT (key, version) DO NOTHING`,
        valuesOf(template),
      );
    }
  }
}
