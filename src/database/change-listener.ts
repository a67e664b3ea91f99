import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** The payload prefix of the listener's own probes, which are not changes. */
const PROBE = 'probe:';

export interface ChangeHandlers {
  /** A notification arrived on the channel: something changed and committed. */
  changed(): void;
  /**
   * Whether notifications can be trusted to arrive: true once LISTEN is in force, false as soon as the connection
   * fails, stops answering or is closed. While false, changes may go unseen.
   */
  listening(up: boolean): void;
}

export interface ChangeListenerTimings {
  /** How often a probe is sent; a connection whose probe does not come back is dropped. */
  heartbeatMs: number;
  /** How long a probe or a statement may take. */
  answerTimeoutMs: number;
  /** First wait before reconnecting, doubled up to maxRetryMs after each failure. */
  retryMs: number;
  maxRetryMs: number;
}

const DEFAULT_TIMINGS: ChangeListenerTimings = {
  heartbeatMs: 5000,
  answerTimeoutMs: 2000,
  retryMs: 250,
  maxRetryMs: 5000,
};

/**
 * LISTENs on one channel on a connection of its own, and keeps listening: a connection that errors, closes, or does
 * not receive its own probe (a notification it sends itself on the channel, every `heartbeatMs`) is reported down
 * at once, then replaced with growing pauses. The probe checks delivery end to end, so a connection that answers
 * statements but receives nothing (behind a pooler in transaction mode) is never reported up. Notifications sent
 * while it was down are lost, which is why `listening(true)` comes only after a probe came back on the new
 * connection: whoever relies on the notifications must treat everything learnt before as stale.
 */
export class ChangeListener {
  private client: pg.Client | undefined;
  private up = false;
  private stopped = false;
  private retryMs: number;
  private retryTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private awaitedProbe: { payload: string; arrived(): void } | undefined;

  constructor(
    private readonly options: pg.ClientConfig,
    private readonly channel: string,
    private readonly handlers: ChangeHandlers,
    private readonly timings: ChangeListenerTimings = DEFAULT_TIMINGS,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
    this.retryMs = timings.retryMs;
  }

  /** Connects; resolves once the first attempt succeeded or failed (a failure is retried in the background). */
  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.drop();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      ...this.options,
      application_name: `listener:${this.channel}`,
      keepAlive: true,
      query_timeout: this.timings.answerTimeoutMs,
    });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel !== this.channel) return;
      if (!message.payload?.startsWith(PROBE)) this.handlers.changed();
      else if (message.payload === this.awaitedProbe?.payload) this.awaitedProbe.arrived();
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      await this.probe(client);
    } catch {
      this.lost(client);
      return;
    }
    if (this.client !== client) return;
    this.retryMs = this.timings.retryMs;
    this.heartbeat = setInterval(() => {
      this.probe(client).catch(() => this.lost(client));
    }, this.timings.heartbeatMs);
    this.heartbeat.unref();
    this.setUp(true);
  }

  /** Resolves when a notification `client` sends itself comes back to it within answerTimeoutMs. */
  private probe(client: pg.Client): Promise<void> {
    const payload = `${PROBE}${randomUUID()}`;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the probe did not come back')), this.timings.answerTimeoutMs);
      timer.unref();
      this.awaitedProbe = {
        payload,
        arrived: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      client.query(`SELECT pg_notify($1, $2)`, [this.channel, payload]).catch((error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  /** The connection `client` failed: report it down once, and try again later unless stopped. */
  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.drop();
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, this.timings.maxRetryMs);
  }

  private drop(): void {
    clearInterval(this.heartbeat);
    const client = this.client;
    this.client = undefined;
    this.setUp(false);
    client?.end().catch(() => undefined);
  }

  private setUp(up: boolean): void {
    if (this.up === up) return;
    this.up = up;
    this.handlers.listening(up);
  }
}
