import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  getOperationAST,
  Kind,
  OperationTypeNode,
  parse,
  print,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { AuthenticationService } from '../auth/authentication.service.js';
import { AppError, BadUserInputError } from '../common/errors/app-errors.js';
import { ErrorCode } from '../common/errors/error-codes.js';
import { OPERATION, type RequestWithOperation } from '../common/metrics/metrics.js';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Letters, digits and `- _ . : ~ + / =` (UUIDs, ULIDs, base64 and base64url all fit), 1 to 255 of them. */
const KEY_FORMAT = /^[A-Za-z0-9._:~+/=-]{1,255}$/;
/** How long a key and its answer are kept. */
export const KEY_TTL_SECONDS = 24 * 3600;
/** How long a retry waits for the first request with its key to answer before it is told to come back. */
const WAIT_FOR_FIRST_MS = 15_000;
/** A first request that has not answered after this long never will (its process stopped): say so. */
const ABANDONED_AFTER_MS = 120_000;
const PURGE_EVERY_MS = 3600_000;
/** Mutations whose answers hold a secret shown once: never stored, so never replayed. */
const SECRET_ANSWERS = new Set(['login', 'createApiKey']);
/** Answers that mean the request changed nothing: the key is freed so that a retry runs again. */
const NOTHING_DONE = new Set<string>([
  ErrorCode.RATE_LIMITED,
  ErrorCode.INTERNAL_SERVER_ERROR,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
]);

const CLAIM = Symbol('idempotency claim');

interface Claim {
  caller: string;
  key: string;
  done: () => void;
}

type ClaimedRequest = FastifyRequest & RequestWithOperation & { [CLAIM]?: Claim };

interface GraphqlBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` are the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The root fields a selection set asks for, through fragments. */
function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, names = new Set<string>()): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(document, selection.selectionSet, names);
    else {
      const fragment = document.definitions.find(
        (definition): definition is FragmentDefinitionNode =>
          definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
      );
      if (fragment) rootFields(document, fragment.selectionSet, names);
    }
  }
  return names;
}

/** Whether an answer records something that happened (kept and replayed) rather than a refusal or a failure. */
function answerStands(statusCode: number, payload: string): boolean {
  if (statusCode !== 200) return false;
  let answer: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: unknown } }[] };
  try {
    answer = JSON.parse(payload) as typeof answer;
  } catch {
    return false;
  }
  if (answer.data && Object.values(answer.data).some((value) => value !== null)) return true;
  const codes = (answer.errors ?? []).map((error) => String(error.extensions?.code));
  return !codes.some((code) => NOTHING_DONE.has(code));
}

/** Resolves when `first` settles or after `ms`, whichever comes first, leaving no timer behind. */
function waitAtMost(ms: number, first?: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return (first ? Promise.race([first, elapsed]) : elapsed).finally(() => clearTimeout(timer));
}

/**
 * Safe retries of mutations: a mutation sent with an `Idempotency-Key` header runs once per caller and key; a retry
 * of the same request (same caller, operation document, operation name and variables) gets the first answer back
 * and changes nothing; another request under the same key is CONFLICT. Queries ignore the header.
 *
 * The key is claimed (one autocommitted INSERT on its primary key) before the mutation runs, so of many concurrent
 * requests exactly one runs; the others wait for its answer (a promise in this process, the table across
 * processes), up to WAIT_FOR_FIRST_MS. The answer is stored before it is sent. An answer that means nothing
 * happened (RATE_LIMITED, FORBIDDEN, UNAUTHENTICATED, INTERNAL_SERVER_ERROR with no data, or an HTTP error) frees
 * the key instead.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger('Idempotency');
  /** First requests running in this process, by caller and key: resolved once their answer is stored or freed. */
  private readonly running = new Map<string, Promise<void>>();
  private authentication?: AuthenticationService;
  private lastPurge = 0;

  constructor(
    private readonly keys: IdempotencyKeysRepository,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Adds the two hooks; both return at once (no promise) for requests without the header. */
  install(fastify: FastifyInstance): void {
    fastify.addHook('preHandler', (request, reply, done) => {
      if (request.headers[IDEMPOTENCY_HEADER] === undefined || request.method !== 'POST') return done();
      this.before(request, reply).then(
        (answered) => {
          if (!answered) done();
        },
        (error: Error) => done(error),
      );
    });
    fastify.addHook('onSend', (request: ClaimedRequest, reply, payload, done) => {
      const claim = request[CLAIM];
      if (!claim) return done(null, payload);
      request[CLAIM] = undefined;
      this.after(claim, reply.statusCode, payload).then(
        () => done(null, payload),
        (error: unknown) => {
          // The answer still goes out; the key stays claimed and is reported as abandoned after a while.
          request.log.error({ err: error }, 'could not store the answer of an idempotent request');
          claim.done();
          done(null, payload);
        },
      );
    });
  }

  /** True when this hook answered the request itself (a replay or a refusal). */
  private async before(request: ClaimedRequest, reply: FastifyReply): Promise<boolean> {
    const body = request.body as GraphqlBody | null;
    if (!body || typeof body !== 'object' || typeof body.query !== 'string') return false;
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch {
      return false; // the GraphQL layer reports it
    }
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    const operation = getOperationAST(document, operationName);
    if (operation?.operation !== OperationTypeNode.MUTATION) return false;
    request[OPERATION] = operation; // for the metrics of an answer given here

    const key = request.headers[IDEMPOTENCY_HEADER];
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
      return refuse(
        reply,
        400,
        BadUserInputError.field(
          'Idempotency-Key',
          'must be one value of 1 to 255 letters, digits or the characters - _ . : ~ + / =',
        ),
      );
    }
    const secret = [...rootFields(document, operation.selectionSet)].filter((name) => SECRET_ANSWERS.has(name));
    if (secret.length > 0) {
      return refuse(
        reply,
        400,
        BadUserInputError.field(
          'Idempotency-Key',
          `is not accepted on ${secret.join(', ')}: the answer holds a secret that is shown once and never stored`,
        ),
      );
    }

    this.authentication ??= this.moduleRef.get(AuthenticationService, { strict: false });
    // The access guard reuses this lookup (and reports its failure); anonymous callers have no mutation to retry.
    const principal = await this.authentication.authenticate(request).catch(() => null);
    if (!principal) return false;
    const caller = principal.apiKeyId ? `api_key:${principal.apiKeyId}` : `user:${principal.userId}`;
    const requestHash = createHash('sha256')
      .update(canonicalJson([operationName ?? null, print(document), body.variables ?? {}]))
      .digest('hex');
    return this.claimOrReplay(request, reply, caller, key, requestHash);
  }

  private async claimOrReplay(
    request: ClaimedRequest,
    reply: FastifyReply,
    caller: string,
    key: string,
    requestHash: string,
  ): Promise<boolean> {
    const id = `${caller} ${key}`;
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      if (await this.keys.claim(caller, key, requestHash, KEY_TTL_SECONDS)) {
        let done!: () => void;
        this.running.set(id, new Promise<void>((resolve) => (done = resolve)));
        request[CLAIM] = {
          caller,
          key,
          done: () => {
            this.running.delete(id);
            done();
          },
        };
        this.purgeNowAndThen();
        return false; // the mutation runs; onSend stores its answer
      }
      const stored = await this.keys.read(caller, key);
      if (stored) {
        if (stored.requestHash !== requestHash) {
          return refuse(
            reply,
            409,
            new AppError(
              ErrorCode.CONFLICT,
              'this Idempotency-Key was used for a different request (operation or variables); use a new key',
              { field: 'Idempotency-Key' },
            ),
          );
        }
        if (stored.statusCode !== null && stored.response !== null) {
          void reply
            .code(stored.statusCode)
            .header('content-type', 'application/json; charset=utf-8')
            .header('idempotency-replayed', 'true')
            .send(stored.response);
          return true;
        }
        if (stored.ageMs > ABANDONED_AFTER_MS) {
          return refuse(
            reply,
            409,
            new AppError(
              ErrorCode.CONFLICT,
              'the first request with this Idempotency-Key never answered (the server stopped?), so whether it took effect is unknown: check, then use a new key',
              { field: 'Idempotency-Key' },
            ),
          );
        }
      }
      // Not stored yet (or freed in between): wait for the first request, then look again.
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        return refuse(
          reply,
          409,
          new AppError(ErrorCode.CONFLICT, 'a request with this Idempotency-Key is still running; retry later', {
            field: 'Idempotency-Key',
            retryAfterSeconds: 1,
          }),
        );
      }
      const first = this.running.get(id);
      await (first ? waitAtMost(remaining, first) : waitAtMost(Math.min(pause, remaining)));
    }
  }

  private async after(claim: Claim, statusCode: number, payload: unknown): Promise<void> {
    try {
      const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
      if (text !== null && answerStands(statusCode, text)) {
        await this.keys.complete(claim.caller, claim.key, statusCode, text);
      } else {
        await this.keys.release(claim.caller, claim.key);
      }
    } finally {
      claim.done();
    }
  }

  /** Expired keys are ignored by every read and taken over by a new claim; purging them keeps the table small. */
  private purgeNowAndThen(): void {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    this.keys.purgeExpired().then(
      (purged) => purged > 0 && this.logger.log(`purged ${purged} expired idempotency keys`),
      (error: unknown) => this.logger.warn(`could not purge expired idempotency keys: ${String(error)}`),
    );
  }
}

function refuse(reply: FastifyReply, statusCode: number, error: AppError): true {
  void reply
    .code(statusCode)
    .header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify({ data: null, errors: [error.toJSON()] }));
  return true;
}
