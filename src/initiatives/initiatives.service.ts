import { Injectable } from '@nestjs/common';
import { AuditedWrites } from '../audit/audited-writes.js';
import type { AuditActor } from '../common/access/audit-actor.js';
import { ConflictError, NotFoundError } from '../common/errors/app-errors.js';
import { toPage, type Page } from '../common/pagination/connection.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { Database } from '../database/database.js';
import { isUniqueViolation } from '../database/pg-errors.js';
import type { Tx } from '../database/transaction.js';
import type { CreateInitiativeInput, UpdateInitiativeInput } from './dto/initiative.input.js';
import type { InitiativesArgs } from './dto/initiatives.args.js';
import type { Initiative } from './initiative.entity.js';
import { InitiativesRepository, type InitiativeChange } from './initiatives.repository.js';

/** Initiatives: reads, and their curation through the audited write path. */
@Injectable()
export class InitiativesService {
  constructor(
    private readonly db: Database,
    private readonly initiatives: InitiativesRepository,
    private readonly writes: AuditedWrites,
  ) {}

  async list(args: InitiativesArgs): Promise<Page<Initiative>> {
    const filter = args.filter ?? {};
    const afterKey = args.after ? decodeCursor(args.after, ['text'])[0] : null;
    const rows = await this.initiatives.page(filter, afterKey, args.first + 1);
    return toPage(
      rows,
      args.first,
      (row) => [row.key],
      afterKey !== null,
      () => this.initiatives.count(filter),
    );
  }

  async find(key: string): Promise<Initiative | null> {
    return (await this.initiatives.byKeys([key.toLowerCase()]))[0];
  }

  /** The keys among `keys` that name no initiative, in the order given. */
  missingKeys(keys: readonly string[]): Promise<string[]> {
    return this.initiatives.missingKeys(keys);
  }

  create(input: CreateInitiativeInput, actor: AuditActor, tx?: Tx): Promise<Initiative> {
    const clean = { ...input, name: input.name.trim(), conveningBody: input.conveningBody?.trim() || null };
    return this.db.within(tx, (tx) =>
      this.writes.create(tx, actor, { action: 'initiative.create', entityType: this.initiatives.entityType }, () =>
        this.initiatives.insert(tx, clean).catch((error: unknown) => {
          if (isUniqueViolation(error, 'UQ_initiative_key')) {
            throw new ConflictError(`an initiative with key "${input.key}" exists already`);
          }
          throw error;
        }),
      ),
    );
  }

  update(key: string, input: UpdateInitiativeInput, actor: AuditActor, tx?: Tx): Promise<Initiative> {
    return this.db.within(tx, async (tx) => {
      const initiative = await this.initiatives.byKey(tx, key);
      if (!initiative) throw new NotFoundError('initiative', key);
      return this.writes.update(tx, actor, this.initiatives, initiative.id, 'initiative.update', () =>
        this.initiatives.update(tx, initiative.id, changeOf(input)),
      );
    });
  }
}

/** The fields a curator gave: left out stays, null clears (a required column cannot be cleared: left out). */
function changeOf(input: UpdateInitiativeInput): InitiativeChange {
  const change: InitiativeChange = {};
  if (input.name) change.name = input.name.trim();
  if (input.kind) change.kind = input.kind;
  if (input.binding !== undefined && input.binding !== null) change.binding = input.binding;
  if (input.conveningBody !== undefined) change.conveningBody = input.conveningBody?.trim() || null;
  if (input.adoptedOn !== undefined) change.adoptedOn = input.adoptedOn;
  if (input.url !== undefined) change.url = input.url;
  if (input.description !== undefined) change.description = input.description;
  return change;
}
