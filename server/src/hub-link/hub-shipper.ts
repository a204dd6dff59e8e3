import { createHash } from 'node:crypto';
import type { HubLinkStatus, IngestAnswer, IngestRequest, ProvinceCatalogue } from '@luot/shared/contracts';
import { MAX_SHIP_BATCH, provinceCatalogueSchema } from '@luot/shared/contracts';
import type { HallConfig, TicketId, VersionedEvent } from '@luot/shared/domain';
import type { Logger } from '../log.ts';

/**
 * What the shipper reads from the hall: its event log (the outbox) and configuration. Reads only; the
 * command service stays the only writer.
 */
export interface HubOutbox {
  /** Events after a version, in version order, at most `limit`. */
  eventsSince(version: number, limit: number): VersionedEvent[];
  /** The status-page code of a ticket (shipped privately beside its `ticket.issued`). */
  codeOfTicket(id: TicketId): string | undefined;
  /** The newest committed version. */
  headVersion(): number;
  config(): HallConfig;
}

/** How a hall reaches its hub. */
export interface HubLinkSettings {
  /** The hub's address, e.g. `https://hub.hanoi.example.vn` (HTTPS with a real certificate in production). */
  readonly url: string;
  /** The hall's own key (`pnpm hub-admin add-hall` or `pnpm luot hub-enrol`). */
  readonly key: string;
}

/** Timing of the shipper; the defaults suit a hall, tests shorten them. */
export interface ShipperTiming {
  /** Wait this long after a change before shipping, so one request carries a burst of events. */
  readonly settleMs: number;
  /** Contact the hub at least this often with nothing to ship (its "connected" needs it). */
  readonly heartbeatMs: number;
  /** First wait after a failure; doubles up to `maxBackoffMs` (with ±20 % jitter). */
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  /** A request with no answer by then counts as failed (a silent WAN link). */
  readonly requestTimeoutMs: number;
  /** The link counts as up for status-page addresses while the last success is this recent. */
  readonly freshMs: number;
}

const DEFAULT_TIMING: ShipperTiming = {
  settleMs: 200,
  heartbeatMs: 30_000,
  initialBackoffMs: 1_000,
  maxBackoffMs: 60_000,
  requestTimeoutMs: 15_000,
  freshMs: 60_000,
};

const hashOf = (config: HallConfig): string =>
  createHash('sha256').update(JSON.stringify(config)).digest('hex');

/**
 * Ships the hall's committed events to its province hub, in version order, in bounded batches from
 * the version the hub last acknowledged: at-least-once delivery, which the hub's ingest keyed by
 * (hall, version) makes exactly-once. It runs beside the hall, never in a command's path: commands
 * only nudge it; it reads at most MAX_SHIP_BATCH events per step, waits on the network without
 * holding anything, retries with backoff and catches up from the hub's acknowledgement after any
 * outage (hub down, WAN cut, this PC restarted mid-batch). Nothing of the hall waits for it.
 */
export class HubShipper {
  private readonly timing: ShipperTiming;
  private readonly baseUrl: string;
  private isRunning = false;
  private acknowledged: number | null = null;
  private sentConfigHash: string | null = null;
  private failures = 0;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private loop: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private status: Omit<HubLinkStatus, 'hallVersion' | 'eventsBehind' | 'acknowledgedVersion'> & {
    acknowledgedVersion: number;
  };
  private isHubAhead = false;
  /** A change was committed since the last batch was read. */
  private isNudged = false;

  constructor(
    private readonly settings: HubLinkSettings,
    private readonly outbox: HubOutbox,
    private readonly logger: Logger,
    timing: Partial<ShipperTiming> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.timing = { ...DEFAULT_TIMING, ...timing };
    this.baseUrl = settings.url.replace(/\/+$/, '');
    this.status = {
      isEnabled: true,
      hubUrl: this.baseUrl,
      isConnected: false,
      acknowledgedVersion: 0,
      lastSuccessAt: null,
      lastAttemptAt: null,
      lastError: null,
      publicUrl: null,
    };
  }

  private readonly acknowledgedListeners = new Set<(version: number) => void>();

  /** Called with the hub's acknowledgement after each answer (benchmarks measure the lag with it). */
  onAcknowledged(listener: (version: number) => void): () => void {
    this.acknowledgedListeners.add(listener);
    return () => this.acknowledgedListeners.delete(listener);
  }

  /** Start shipping in the background. */
  start(): void {
    if (this.isRunning) return;
    this.isRunning = true;
    this.loop = this.run();
  }

  /** Stop: an in-flight request is abandoned (the hub keeps what it committed; the next start resumes). */
  async stop(): Promise<void> {
    this.isRunning = false;
    this.abort?.abort();
    this.wakeUp();
    await this.loop;
  }

  /** Something was committed: ship it soon (after `settleMs`, so a burst goes in one request). */
  nudge(): void {
    this.isNudged = true;
    if (this.wake && this.timer === null) {
      this.timer = setTimeout(() => this.wakeUp(), this.timing.settleMs);
      this.timer.unref();
    }
  }

  /** The link as the manager console shows it. */
  linkStatus(): HubLinkStatus {
    const hallVersion = this.outbox.headVersion();
    return {
      ...this.status,
      hallVersion,
      eventsBehind: Math.max(0, hallVersion - this.status.acknowledgedVersion),
      lastError: this.isHubAhead
        ? 'the hub holds versions this hall does not have (was the database restored from a backup?)'
        : this.status.lastError,
    };
  }

  /**
   * The address a ticket's QR code should open: the hub's status page when the hub has a public address
   * and the link is up (the ticket will be there within seconds), else null (the hall's own page).
   */
  publicStatusBase(): string | null {
    const { publicUrl, isConnected, lastSuccessAt } = this.status;
    if (publicUrl === null || !isConnected || lastSuccessAt === null) return null;
    return this.now() - lastSuccessAt <= this.timing.freshMs ? publicUrl : null;
  }

  private wakeUp(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timeout = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      timeout.unref();
      this.wake = () => {
        clearTimeout(timeout);
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    while (this.isRunning) {
      let isMoreWaiting = false;
      try {
        isMoreWaiting = await this.shipOnce();
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        this.status = { ...this.status, isConnected: false, lastError: message.slice(0, 200) };
        if (this.failures === 1 || this.failures % 20 === 0)
          this.logger.warn({ error: message.slice(0, 200), failures: this.failures }, 'hub link failed');
        const backoff = Math.min(
          this.timing.maxBackoffMs,
          this.timing.initialBackoffMs * 2 ** (this.failures - 1),
        );
        if (this.isRunning) await this.sleep(backoff * (0.8 + Math.random() * 0.4));
        continue;
      }
      if (!this.isRunning) break;
      // A full batch means more is waiting (catching up): go on at once, but let the hall's own work run.
      if (isMoreWaiting) await new Promise((resolve) => setImmediate(resolve));
      else await this.sleep(this.isNudged ? this.timing.settleMs : this.timing.heartbeatMs);
    }
  }

  /** One request: the next batch (or a heartbeat). True when a full batch went and more is waiting. */
  private async shipOnce(): Promise<boolean> {
    const from = this.acknowledged ?? null;
    this.isNudged = false;
    const head = this.outbox.headVersion();
    // Before the first answer the hub's acknowledgement is unknown: ask with an empty batch.
    const events = from === null || this.isHubAhead ? [] : this.outbox.eventsSince(from, MAX_SHIP_BATCH);
    const codes: { ticketId: TicketId; code: string }[] = [];
    for (const event of events) {
      if (event.type !== 'ticket.issued') continue;
      const code = this.outbox.codeOfTicket(event.ticketId);
      if (code !== undefined) codes.push({ ticketId: event.ticketId, code });
    }
    const config = this.outbox.config();
    const configHash = hashOf(config);
    const request: IngestRequest = {
      events,
      codes,
      headVersion: head,
      ...(configHash !== this.sentConfigHash && from !== null ? { config } : {}),
    };
    const answer = await this.post(request);
    if ('config' in request) this.sentConfigHash = configHash;
    if (answer.needsConfig) this.sentConfigHash = null;
    this.acknowledged = answer.acknowledged;
    for (const listener of this.acknowledgedListeners) listener(answer.acknowledged);
    const isHubAhead = answer.acknowledged > head;
    if (isHubAhead && !this.isHubAhead)
      this.logger.error({ acknowledged: answer.acknowledged, head }, 'hub is ahead of this hall');
    this.isHubAhead = isHubAhead;
    this.status = {
      ...this.status,
      isConnected: true,
      acknowledgedVersion: answer.acknowledged,
      lastSuccessAt: this.now(),
      lastError: null,
      publicUrl: answer.publicUrl,
    };
    if (isHubAhead) return false;
    // Just learned where the hub stands, or it asked for the configuration: go on at once.
    if (from === null || answer.needsConfig) return true;
    // More committed than acknowledged, and this request moved the hub on: the next batch at once.
    return answer.acknowledged > from && answer.acknowledged < this.outbox.headVersion();
  }

  /** The province's newest service catalogue (the hall manager reviews it before taking it). */
  async fetchCatalogue(): Promise<ProvinceCatalogue | null> {
    const response = await fetch(`${this.baseUrl}/api/v1/catalogue`, {
      headers: { authorization: `Bearer ${this.settings.key}` },
      signal: AbortSignal.timeout(this.timing.requestTimeoutMs),
    });
    const body = (await response.json().catch(() => null)) as { ok?: boolean; value?: unknown } | null;
    if (!response.ok || body?.ok !== true) throw new Error(`hub refused (${response.status})`);
    const parsed = provinceCatalogueSchema.safeParse(body.value);
    if (!parsed.success) throw new Error('the hub sent a catalogue that does not match its schema');
    return parsed.data;
  }

  private async post(request: IngestRequest): Promise<IngestAnswer> {
    this.abort = new AbortController();
    const timeout = setTimeout(() => this.abort?.abort(), this.timing.requestTimeoutMs);
    this.status = { ...this.status, lastAttemptAt: this.now() };
    try {
      const response = await fetch(`${this.baseUrl}/api/v1/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.settings.key}` },
        body: JSON.stringify(request),
        signal: this.abort.signal,
      });
      const body = (await response.json().catch(() => null)) as
        { ok: true; value: IngestAnswer } | { ok: false; error: { code: string; message: string } } | null;
      if (!response.ok || !body?.ok) {
        const reason =
          body && !body.ok ? `${body.error.code}: ${body.error.message}` : `HTTP ${response.status}`;
        throw new Error(`hub refused (${response.status}) ${reason}`);
      }
      return body.value;
    } catch (error) {
      if (this.abort.signal.aborted)
        throw new Error(this.isRunning ? 'no answer from the hub in time' : 'stopped');
      throw error;
    } finally {
      clearTimeout(timeout);
    }
  }
}
