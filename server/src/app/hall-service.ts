import type {
  Ack,
  Changes,
  CommandOutcome,
  DeviceKind,
  DeviceStatus,
  ErrorCode,
  Identity,
  IssueOutcome,
  PairingCode,
  PrinterState,
  SessionEnded,
  SignInOutcome,
  Snapshot,
  WireError,
} from '@luot/shared/contracts';
import { PROTOCOL_VERSION } from '@luot/shared/contracts';
import type {
  Actor,
  ClerkId,
  Command,
  CounterId,
  DeviceId,
  HallConfig,
  QueueState,
  Ticket,
  TicketId,
  VersionedEvent,
} from '@luot/shared/domain';
import {
  asDeviceId,
  businessDayOf,
  decide,
  estimateWait,
  evolveAll,
  isClerkAllowedAt,
  isInService,
  pinProblem,
} from '@luot/shared/domain';
import { pinProblemText } from '@luot/shared/text';
import type { CommitBatch, DeviceRow, HallStore } from '../db/hall-store.ts';
import type { Logger } from '../log.ts';
import { afterPendingMicrotasks } from './after-microtasks.ts';
import type { Clock } from './clock.ts';
import { hashPin, hashToken, newPublicCode, verifyPin } from './credentials.ts';
import { isLoopbackAddress } from './first-manager.ts';
import { createPairingCode, isCounterBound } from './devices.ts';
import { configForRole } from './visible-config.ts';
import type { LockRules } from './limits.ts';
import { LockBook, clerkAccount } from './limits.ts';

/** Kiosk issue rate: a burst, then a steady refill. */
export interface RateLimit {
  readonly burst: number;
  readonly perMinute: number;
}

/** Options of the command service. */
export interface HallServiceOptions {
  readonly store: HallStore;
  readonly config: HallConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Tickets one kiosk may issue: a visitor hammering the screen cannot drain a quota. */
  readonly kioskIssueLimit?: RateLimit;
  /**
   * Where a ticket's QR code points when not at this server's own `/t/<code>`: the province hub's public
   * address while the hall's link to it is up (null: the hall's own page).
   */
  readonly statusBaseUrl?: () => string | null;
  /**
   * The mark of an account's last unlock (the CLI's unlock, a PIN reset), read from the database so
   * that the CLI, a separate process, reaches the running server's locks (`LockBook`).
   */
  readonly signInUnlockMark?: (account: string) => string | undefined;
  /** Other credentials that may connect (manager console sessions), tried after device tokens. */
  readonly extraAuthenticator?: (token: string, slide: boolean) => Identity | undefined;
  /**
   * Told where each committed command's time went (benchmarks collect these; docs/BENCHMARKS.md).
   * Called after the command's answer is given, never on its way.
   */
  readonly onCommandTiming?: (timing: CommandTiming) => void;
}

/** Where one committed command's milliseconds went, from its arrival at the service to its commit. */
export interface CommandTiming {
  readonly command: Command['type'];
  /** How many commands shared its transaction. */
  readonly batch: number;
  /** Decide, evolve and building the answer (with the wait estimate of an issue). */
  readonly decideMs: number;
  /** Waiting for the group commit to start (the rest of the event loop's turn). */
  readonly queuedMs: number;
  /** The transaction: statements and the fsync of the WAL (and a WAL checkpoint when one is due). */
  readonly commitMs: number;
  /** From arrival to commit: the sum of the three. */
  readonly totalMs: number;
  /**
   * After the answers: the change's listeners, above all the broadcast (to every socket, or to the first
   * slice of sockets when the hall has more than one slice, realtime/change-fanout.ts), and the WAL
   * checkpoint when one runs after this commit. Not in `totalMs`.
   */
  readonly broadcastMs: number;
}

/** After this many wrong PINs in a row on one terminal a clerk is locked out there, for longer each time. */
export const PIN_LOCK_RULES: LockRules = {
  attemptsBeforeLock: 5,
  firstLockMs: 5 * 60_000,
  maxLockMs: 60 * 60_000,
};
/**
 * How long (hall time) a command's stored answer, success or refusal, is kept for a device that repeats
 * its requestId: two days, far longer than any retry (`@luot/client` retries one command for 15 s);
 * older records are deleted at each rollover. Each device also keeps only its newest
 * REFUSALS_KEPT_PER_DEVICE refusals (server/src/db/hall-store.ts).
 */
export const COMMAND_RESULT_RETENTION_MS = 2 * 24 * 60 * 60_000;

/** The server itself, for commands nobody sent (the business day rolling over). */
const SYSTEM_IDENTITY: Identity = {
  role: 'manager',
  deviceId: asDeviceId('system'),
  deviceName: 'system',
  counterId: null,
  clerkId: null,
};

const fail = (code: ErrorCode, message: string): { ok: false; error: WireError } => ({
  ok: false,
  error: { code, message },
});

/** A command decided (or a refusal to keep) and waiting for its transaction. */
interface PendingCommand {
  readonly batch: CommitBatch;
  readonly answer: Ack<unknown>;
  readonly identity: Identity;
  /** The command decided; null for an answer kept for repeats, which commits no event. */
  readonly command: Command['type'] | null;
  readonly started: number;
  /** When decide, evolve and the answer were done (performance.now()). */
  readonly decided: number;
  readonly resolve: (result: Ack<unknown>) => void;
}

/** A request being answered: repeats that arrive meanwhile share its answer. */
interface RequestInFlight {
  readonly fingerprint: string;
  answer?: Promise<Ack<unknown>>;
  /** Set when its answer goes to disk with the events it committed (else `answerOnce` stores it). */
  isStoredWithEvents?: boolean;
}

/**
 * Refusals that are never kept: INTERNAL says nothing was recorded, so a retry with the same requestId
 * must be judged again (it is the retry the message asks for).
 */
const isKeptRefusal = (error: WireError): boolean => error.code !== 'INTERNAL';

const requestIdReused = (requestId: string): { ok: false; error: WireError } =>
  fail(
    'REQUEST_ID_REUSED',
    `requestId ${requestId.slice(0, 64)} was first sent with another event or payload; use a new requestId for a new request`,
  );

/** Listener of committed changes (the realtime layer broadcasts them). */
export type ChangesListener = (changes: Changes) => void;
/** Listener of clerk sessions ended on a device. */
export type SessionListener = (deviceId: DeviceId, notice: SessionEnded) => void;
/** Listener of device status for managers. */
export type DeviceStatusListener = (status: DeviceStatus) => void;

/**
 * The command service: validate → authorise → decide → one transaction → evolve → ack → broadcast.
 * It owns the in-memory queue state, which changes only after the transaction that records it commits,
 * and it is the only writer of the database. Everything is synchronous from decide to commit, so two
 * commands can never interleave: 60 counters pressing "next" at once are serialised by the event loop.
 */
export class HallService {
  private queue: QueueState;
  private config: HallConfig;
  private readonly changeListeners = new Set<ChangesListener>();
  private readonly sessionListeners = new Set<SessionListener>();
  private readonly deviceListeners = new Set<DeviceStatusListener>();
  private readonly revokeListeners = new Set<(deviceId: DeviceId) => void>();
  /**
   * Which terminal holds each counter's clerk session (the newest sign-in wins), and for which clerk. A
   * copy of the `counter_sessions` table, which is written with the events that change it: the session
   * is the terminal's, across restarts, and no other terminal of the counter acts as that clerk.
   */
  private readonly sessions = new Map<CounterId, { deviceId: DeviceId; clerkId: ClerkId }>();
  /** SQLite's data_version when the database was last checked for revocations made by the CLI (-1: never). */
  private checkedDataVersion = -1;
  /** Requests being answered, by `device:requestId` (with the fingerprint their answer is stored with). */
  private readonly inFlight = new Map<string, RequestInFlight>();
  private readonly buckets = new Map<DeviceId, { tokens: number; at: number }>();
  /** How each online device's newest connection arrived (TLS or not, from where). */
  private readonly transports = new Map<
    DeviceId,
    { isSecure: boolean; isLoopback: boolean; address: string }
  >();
  private readonly connections = new Map<DeviceId, number>();
  private readonly kioskIssueLimit: RateLimit;
  /** Wrong PINs per (clerk username, terminal). */
  private readonly pinLocks: LockBook;
  /** The state and configuration on disk: what snapshots and the status page show. */
  private committed: { queue: QueueState; config: HallConfig };
  /** Commands decided but not yet committed: written together in one transaction (group commit). */
  private pending: PendingCommand[] = [];

  constructor(private readonly options: HallServiceOptions) {
    this.config = options.config;
    this.kioskIssueLimit = options.kioskIssueLimit ?? { burst: 6, perMinute: 20 };
    this.pinLocks = new LockBook(PIN_LOCK_RULES, options.signInUnlockMark);
    const { timeZone, rolloverHour } = options.config.hall;
    this.queue = options.store.loadQueueState(businessDayOf(options.clock.now(), timeZone, rolloverHour));
    this.committed = { queue: this.queue, config: this.config };
    for (const session of options.store.loadCounterSessions()) {
      this.sessions.set(session.counterId, { deviceId: session.deviceId, clerkId: session.clerkId });
    }
    // checkedDataVersion stays -1: the first check looks at every session holder, so a terminal revoked
    // with the CLI while the server was off has its clerk signed out soon after the start.
  }

  /** The queue state at the last committed version (what every client is told). */
  get state(): QueueState {
    return this.committed.queue;
  }

  /** The hall's configuration as committed. */
  get hallConfig(): HallConfig {
    return this.committed.config;
  }

  onChanges(listener: ChangesListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onSessionEnded(listener: SessionListener): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  onDeviceStatus(listener: DeviceStatusListener): () => void {
    this.deviceListeners.add(listener);
    return () => this.deviceListeners.delete(listener);
  }

  // ── identity ────────────────────────────────────────────────────────────────────────────────
  /** Who holds a device token, or undefined when it is unknown or revoked. */
  authenticate(token: string, { slide = true }: { slide?: boolean } = {}): Identity | undefined {
    const device = this.options.store.findDeviceByTokenHash(hashToken(token));
    return device ? this.identityOf(device) : this.options.extraAuthenticator?.(token, slide);
  }

  private identityOf(device: DeviceRow): Identity {
    const clerkId =
      device.kind === 'counter' && device.counterId !== null && this.holdsSession(device.counterId, device.id)
        ? (this.queue.counters[device.counterId]?.clerkId ?? null)
        : null;
    return {
      role: device.kind,
      deviceId: device.id,
      deviceName: device.name,
      counterId: device.counterId,
      clerkId,
    };
  }

  /**
   * A terminal holds its counter's session if it signed in the clerk who is signed in there now. Nobody
   * holds a session that has no recorded terminal: the clerk signs in again (never the other way round).
   */
  private holdsSession(counterId: CounterId, deviceId: DeviceId): boolean {
    const holder = this.sessions.get(counterId);
    return (
      holder !== undefined &&
      holder.deviceId === deviceId &&
      holder.clerkId === (this.queue.counters[counterId]?.clerkId ?? null)
    );
  }

  /** A device's identity as of now (its clerk may have changed); a manager's console session as is. */
  private currentIdentity(identity: Identity): Identity {
    if (identity.role === 'manager') return identity;
    const device = this.options.store.findDevice(identity.deviceId);
    return device ? this.identityOf(device) : identity;
  }

  /** Everything a client needs to start folding changes. */
  snapshot(identity: Identity): Snapshot {
    return {
      protocolVersion: PROTOCOL_VERSION,
      version: this.committed.queue.version,
      serverTime: this.options.clock.now(),
      state: this.committed.queue,
      // Each device sees only what its role needs (no clerk usernames outside the console).
      config: configForRole(this.committed.config, identity.role),
      identity: this.currentIdentity(identity),
    };
  }

  /** A ticket found by the code of its public status page (any day). */
  ticketByPublicCode(code: string): Ticket | undefined {
    return this.options.store.ticketByCode(code);
  }

  // ── commands ────────────────────────────────────────────────────────────────────────────────
  /**
   * Answer a request once per (device, requestId), for good: a repeat with the same fingerprint (event and
   * payload, `requestFingerprint`) gets the first answer — while the first is still running, after it,
   * and after a restart — and a repeat with another fingerprint gets REQUEST_ID_REUSED and changes
   * nothing. Answers that committed events are stored by that transaction; every other answer (a
   * refusal but INTERNAL, or a success that changed nothing) is stored here, in the next group commit,
   * before it is given.
   */
  answerOnce<T>(
    identity: Identity,
    requestId: string,
    fingerprint: string,
    run: () => Ack<T> | Promise<Ack<T>>,
  ): Promise<Ack<T>> {
    const key = `${identity.deviceId}:${requestId}`;
    const running = this.inFlight.get(key);
    if (running?.answer) {
      return running.fingerprint === fingerprint
        ? (running.answer as Promise<Ack<T>>)
        : Promise.resolve(requestIdReused(requestId));
    }
    const stored = this.options.store.findCommandAnswer(identity.deviceId, requestId);
    if (stored) {
      // An answer stored before fingerprints were kept cannot be compared: it is given as it is.
      if (stored.fingerprint !== null && stored.fingerprint !== fingerprint) {
        return Promise.resolve(requestIdReused(requestId));
      }
      return Promise.resolve(JSON.parse(stored.result) as Ack<T>);
    }
    // Registered before `run` starts: execute() reads the fingerprint to store it with a success.
    const entry: RequestInFlight = { fingerprint };
    this.inFlight.set(key, entry);
    const answer = (async (): Promise<Ack<T>> => {
      try {
        const result = await run();
        if (entry.isStoredWithEvents === true || (!result.ok && !isKeptRefusal(result.error))) return result;
        return (await this.keepAnswer(identity, requestId, fingerprint, result)) as Ack<T>;
      } finally {
        this.inFlight.delete(key);
      }
    })();
    entry.answer = answer;
    return answer;
  }

  /** Store an answer that committed no events with the next group commit; give it once it is on disk. */
  private keepAnswer(
    identity: Identity,
    requestId: string,
    fingerprint: string,
    answer: Ack<unknown>,
  ): Promise<Ack<unknown>> {
    const started = performance.now();
    const state = this.queue;
    return new Promise((resolve) => {
      this.enqueue({
        batch: {
          events: [],
          before: state,
          after: state,
          publicCodes: new Map(),
          idempotency: {
            deviceId: identity.deviceId,
            requestId,
            at: this.options.clock.now(),
            result: JSON.stringify(answer),
            fingerprint,
            isRefusal: !answer.ok,
          },
        },
        answer,
        identity,
        command: null,
        started,
        decided: started,
        resolve,
      });
    });
  }

  private enqueue(command: PendingCommand): void {
    this.pending.push(command);
    if (this.pending.length === 1) setImmediate(() => this.flush());
  }

  /** Issue a ticket for a kiosk (or a manager), with its status code and wait estimate. */
  issue(
    identity: Identity,
    requestId: string,
    command: Extract<Command, { type: 'issue' }>,
  ): Ack<IssueOutcome> | Promise<Ack<IssueOutcome>> {
    if (identity.role === 'kiosk' && !this.takeIssueToken(identity.deviceId)) {
      return this.refuse(
        identity,
        requestId,
        command.type,
        fail('RATE_LIMITED', 'too many tickets from this kiosk'),
      );
    }
    return this.execute(identity, requestId, command, (events, after, codes) => {
      const issued = events.find((event) => event.type === 'ticket.issued');
      const ticketId = issued?.type === 'ticket.issued' ? issued.ticketId : undefined;
      const ticket = ticketId === undefined ? undefined : after.tickets[ticketId];
      if (!ticket || ticketId === undefined) throw new Error('issue decided no ticket');
      const publicCode = codes.get(ticketId) ?? '';
      const statusBase = this.options.statusBaseUrl?.() ?? null;
      return {
        ticket,
        publicCode,
        wait: estimateWait(after, this.config, ticket.serviceId, ticket.id),
        ...(statusBase === null ? {} : { statusUrl: `${statusBase}/t/${publicCode}` }),
      };
    });
  }

  /** Carry out any other command for an authorised sender. */
  command(identity: Identity, requestId: string, command: Command): Promise<Ack<CommandOutcome>> {
    return this.execute(identity, requestId, command, () => ({}));
  }

  /**
   * Sign a clerk in on a counter terminal with username + PIN. Wrong PINs are counted and lock the
   * clerk out for a while, so a PIN cannot be guessed at a terminal.
   */
  async signIn(
    identity: Identity,
    requestId: string,
    username: string,
    pin: string,
    newPin?: string,
  ): Promise<Ack<SignInOutcome>> {
    const counterId = identity.counterId;
    if (identity.role !== 'counter' || counterId === null) {
      return fail('FORBIDDEN', 'only a counter terminal signs clerks in');
    }
    const clerk = this.config.clerks.find(
      (candidate) => isInService(candidate) && candidate.username.toLowerCase() === username.toLowerCase(),
    );
    const credential = clerk ? this.options.store.getClerkCredential(clerk.id) : undefined;
    const now = this.options.clock.now();
    // Locks are per (username, terminal): a terminal guessing locks the clerk out on that terminal only,
    // and an unknown username locks exactly like a known one (the answers do not tell which exist).
    const account = clerkAccount(username);
    const source = identity.deviceId;
    const lockedOut = (): Ack<never> =>
      this.refuse(identity, requestId, 'sign-in', fail('LOCKED_OUT', 'too many wrong PINs; try again later'));
    if (this.pinLocks.lockedUntil(account, source, now) !== null) return lockedOut();
    // Hash even for an unknown user, so timing does not tell which usernames exist.
    const isValid = await verifyPin(
      pin,
      credential?.pinHash ??
        'scrypt$4096$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    );
    // Check the lock again after the hash: guesses sent together all passed the check above before any
    // failure was counted, so each must see the failures of the others (or 10,000 guesses at once count as one).
    if (this.pinLocks.lockedUntil(account, source, now) !== null) return lockedOut();
    if (!clerk || !credential || !isValid) {
      this.pinLocks.recordFailure(account, source, now);
      this.log('warn', 'sign-in refused', identity, { result: 'BAD_CREDENTIALS' });
      return fail('BAD_CREDENTIALS', 'wrong username or PIN');
    }
    this.pinLocks.recordSuccess(account, source);
    // Checked here as well as in decide, before a PIN change: a clerk at a counter not on their list is
    // told so at once, and does not replace the manager's PIN at a terminal where they cannot work.
    if (!isClerkAllowedAt(clerk, counterId))
      return this.refuse(
        identity,
        requestId,
        'sign-in',
        fail('COUNTER_NOT_ALLOWED', 'this clerk may not work at this terminal’s counter'),
      );
    const pinChange = await this.replacePin(identity, clerk.id, pin, newPin, credential.mustChangePin);
    if (pinChange) return pinChange;
    const previousHolder = this.sessions.get(counterId);
    const result = await this.execute(
      identity,
      requestId,
      { type: 'sign-in', counterId, clerkId: clerk.id },
      () => ({
        clerkId: clerk.id,
        counterId,
      }),
    );
    if (result.ok) {
      // Also when the sign-in changed nothing in the queue (the same clerk again, from another terminal).
      this.sessions.set(counterId, { deviceId: identity.deviceId, clerkId: clerk.id });
      this.options.store.bindCounterSession({
        counterId,
        deviceId: identity.deviceId,
        clerkId: clerk.id,
        signedInAt: now,
      });
      if (previousHolder !== undefined && previousHolder.deviceId !== identity.deviceId) {
        this.notifySession(previousHolder.deviceId, { reason: 'takeover', clerkId: clerk.id });
      }
    }
    return result;
  }

  /**
   * After a right PIN: a PIN the manager set must be replaced by the clerk's own before the sign-in goes
   * through (issue 15), and a clerk may replace theirs at any sign-in. Weak new PINs are refused. Returns
   * the refusal, or undefined to carry on signing in (with the new PIN stored).
   */
  private async replacePin(
    identity: Identity,
    clerkId: ClerkId,
    pin: string,
    newPin: string | undefined,
    mustChangePin: boolean,
  ): Promise<{ ok: false; error: WireError } | undefined> {
    if (newPin === undefined) {
      return mustChangePin
        ? fail('PIN_CHANGE_REQUIRED', 'the manager set this PIN: send newPin, the clerk’s own')
        : undefined;
    }
    const problem = newPin === pin ? 'same' : pinProblem(newPin);
    if (problem !== null) return fail('WEAK_PIN', pinProblemText('en', problem));
    this.options.store.setClerkPin(clerkId, await hashPin(newPin), false);
    this.log('info', 'clerk PIN changed', identity, { clerkId });
    return undefined;
  }

  /** The clerk session on a terminal ends (sign-out button or idle timeout). */
  async signOut(
    identity: Identity,
    requestId: string,
    reason: 'sign-out' | 'idle',
  ): Promise<Ack<CommandOutcome>> {
    const counterId = identity.counterId;
    if (identity.role !== 'counter' || counterId === null) return fail('FORBIDDEN', 'not a counter terminal');
    // Nobody signed in: nothing to end (answered as before, with no events).
    const isStaffed = (this.queue.counters[counterId]?.clerkId ?? null) !== null;
    if (isStaffed && !this.holdsSession(counterId, identity.deviceId)) {
      return fail('NOT_SIGNED_IN', 'another terminal holds this counter');
    }
    // The clerk.signed-out event ends the session (afterEvent, and its row in the same transaction).
    return this.command(identity, requestId, { type: 'sign-out', counterId, reason });
  }

  /**
   * The counter a counter-bound sender acts on, checked: a terminal acts only on its own counter and
   * only while it holds the clerk session; a manager names any counter.
   */
  actingCounter(
    identity: Identity,
    named: CounterId | undefined,
  ): { ok: true; value: CounterId } | { ok: false; error: WireError } {
    if (identity.role === 'manager') {
      if (named === undefined) return fail('VALIDATION_FAILED', 'a manager must name the counter');
      if (!this.config.counters.some((counter) => counter.id === named))
        return fail('NOT_FOUND', 'unknown counter');
      return { ok: true, value: named };
    }
    const own = identity.counterId;
    if (own === null) return fail('FORBIDDEN', 'this device is not paired to a counter');
    if (named !== undefined && named !== own)
      return fail('FORBIDDEN', 'a terminal acts only on its own counter');
    if (identity.role === 'counter') {
      const counter = this.queue.counters[own];
      if (!counter?.clerkId || !this.holdsSession(own, identity.deviceId)) {
        return fail('NOT_SIGNED_IN', 'sign in on this terminal first');
      }
    }
    return { ok: true, value: own };
  }

  /**
   * Decide and evolve now, against the working state that includes commands still waiting for their
   * commit, so each command sees every earlier one. The answer is given only after the transaction
   * holding it has committed: commands arriving in the same turn of the event loop share one
   * transaction and one fsync (group commit), which keeps "next" fast when sixty counters press at once.
   */
  private execute<T extends object>(
    identity: Identity,
    requestId: string,
    command: Command,
    describe: (
      events: readonly VersionedEvent[],
      after: QueueState,
      codes: ReadonlyMap<TicketId, string>,
    ) => T,
  ): Promise<Ack<CommandOutcome & T>> {
    const started = performance.now();
    const now = this.options.clock.now();
    const before = this.queue;
    const actor = this.actorOf(identity);
    const decision = decide(before, command, { now, config: this.config, actor });
    if (!decision.ok) {
      return Promise.resolve(
        // The whole domain error: a refused configuration carries its problems (`configIssues`).
        this.refuse(identity, requestId, command.type, { ok: false, error: { ...decision.error } }),
      );
    }
    const events: VersionedEvent[] = decision.value.map((event, index) => ({
      ...event,
      version: before.version + index + 1,
    }));
    if (events.length === 0) {
      return Promise.resolve({
        ok: true,
        value: { version: before.version, events, ...describe(events, before, new Map()) },
      });
    }
    const after = evolveAll(before, events);
    const codes = new Map<TicketId, string>();
    for (const event of events)
      if (event.type === 'ticket.issued') codes.set(event.ticketId, newPublicCode());
    const answer: Ack<CommandOutcome & T> = {
      ok: true,
      value: { version: after.version, events, ...describe(events, after, codes) },
    };
    this.queue = after;
    if (command.type === 'configure') this.config = command.config;
    const request = this.inFlight.get(`${identity.deviceId}:${requestId}`);
    if (request) request.isStoredWithEvents = true;
    const fingerprint = request?.fingerprint ?? null;
    return new Promise<Ack<CommandOutcome & T>>((resolve) => {
      this.enqueue({
        batch: {
          events,
          before,
          after,
          publicCodes: codes,
          idempotency: {
            deviceId: identity.deviceId,
            requestId,
            at: now,
            result: JSON.stringify(answer),
            fingerprint,
            isRefusal: false,
          },
          ...(command.type === 'configure' ? { config: command.config } : {}),
        },
        answer,
        identity,
        command: command.type,
        started,
        decided: performance.now(),
        resolve: resolve as (result: Ack<unknown>) => void,
      });
    });
  }

  /** Commit every pending command in one transaction, then answer them and broadcast their events. */
  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const flushStarted = performance.now();
    try {
      this.options.store.commitAll(batch.map((item) => item.batch));
    } catch (error) {
      // Nothing of this batch is on disk: forget it in memory too, and tell every sender.
      this.queue = this.committed.queue;
      this.config = this.committed.config;
      for (const item of batch) {
        this.log('error', 'command failed', item.identity, {
          command: item.command,
          result: 'INTERNAL',
          error: error instanceof Error ? error.message : String(error),
        });
        item.resolve(fail('INTERNAL', 'the server could not record this; nothing was changed'));
      }
      return;
    }
    const committedAt = performance.now();
    const last = batch.at(-1)!;
    this.committed = { queue: last.batch.after, config: last.batch.config ?? this.committed.config };
    const changes: Changes = {
      fromVersion: batch[0]!.batch.before.version,
      toVersion: last.batch.after.version,
      events: batch.flatMap((item) => item.batch.events),
    };
    for (const item of batch) {
      for (const event of item.batch.events) this.afterEvent(event);
      item.resolve(item.answer);
    }
    // The senders' acks go out from the microtasks the resolves above queue; the change follows them in
    // this same turn of the event loop, before any other socket's command is read (a `setImmediate` here
    // waited a whole turn: 0.24 ms more for the slowest tenth of sequential calls, docs/BENCHMARKS.md).
    // A session notice the bookkeeping above caused (`notifySession`, a turn later) follows this change.
    // The log lines and timings come last: nobody waits for them. Answers kept for repeats (refusals,
    // no-op successes) change nothing and were logged when they were decided.
    afterPendingMicrotasks(() => {
      const broadcastStarted = performance.now();
      if (changes.events.length > 0) for (const listener of this.changeListeners) listener(changes);
      const broadcastMs = performance.now() - broadcastStarted;
      for (const item of batch)
        if (item.batch.events.length > 0)
          this.recordCommitted(item, batch.length, flushStarted, committedAt, broadcastMs);
    });
  }

  /** The log line and timing of a committed command (after its ack and broadcast). */
  private recordCommitted(
    item: PendingCommand,
    batch: number,
    flushStarted: number,
    committedAt: number,
    broadcastMs: number,
  ): void {
    if (item.command === null) return;
    const totalMs = committedAt - item.started;
    this.log('info', 'command', item.identity, {
      command: item.command,
      result: 'ok',
      events: item.batch.events.length,
      version: item.batch.after.version,
      batch,
      ms: Math.round(totalMs * 100) / 100,
    });
    this.options.onCommandTiming?.({
      command: item.command,
      batch,
      decideMs: item.decided - item.started,
      queuedMs: flushStarted - item.decided,
      commitMs: committedAt - flushStarted,
      totalMs,
      broadcastMs,
    });
  }

  /** Keep the session map as the committed events left the `counter_sessions` table. */
  private afterEvent(event: VersionedEvent): void {
    if (event.type === 'clerk.signed-in' && event.by.deviceId !== null) {
      this.sessions.set(event.counterId, { deviceId: event.by.deviceId, clerkId: event.clerkId });
    }
    if (event.type === 'clerk.signed-out') {
      const holder = this.sessions.get(event.counterId);
      if (holder === undefined || holder.clerkId !== event.clerkId) return;
      this.sessions.delete(event.counterId);
      if (event.reason === 'moved')
        this.notifySession(holder.deviceId, { reason: 'moved', clerkId: event.clerkId });
    }
  }

  /** Log a refusal; `answerOnce` keeps it for repeats of the request. */
  private refuse<T>(
    identity: Identity,
    _requestId: string,
    command: string,
    refusal: { ok: false; error: WireError },
  ): Ack<T> {
    this.log('info', 'command', identity, { command, result: refusal.error.code });
    return refusal;
  }

  private actorOf(identity: Identity): Actor {
    if (identity === SYSTEM_IDENTITY) return { role: 'system', deviceId: null, clerkId: null };
    const clerkId: ClerkId | null =
      identity.role === 'counter' && identity.counterId !== null
        ? (this.queue.counters[identity.counterId]?.clerkId ?? null)
        : null;
    return { role: identity.role, deviceId: identity.deviceId, clerkId };
  }

  private takeIssueToken(deviceId: DeviceId): boolean {
    const now = this.options.clock.now();
    const { burst, perMinute } = this.kioskIssueLimit;
    const bucket = this.buckets.get(deviceId) ?? { tokens: burst, at: now };
    const tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) * perMinute) / 60_000);
    if (tokens < 1) {
      this.buckets.set(deviceId, { tokens, at: now });
      return false;
    }
    this.buckets.set(deviceId, { tokens: tokens - 1, at: now });
    return true;
  }

  /**
   * Tell a terminal its clerk session ended, a turn later: after the ack of the command that caused it
   * and after its change, which `flush` scheduled first (PROTOCOL.md, "When `session:ended` is sent").
   */
  private notifySession(deviceId: DeviceId, notice: SessionEnded): void {
    setImmediate(() => {
      for (const listener of this.sessionListeners) listener(deviceId, notice);
    });
  }

  // ── devices ─────────────────────────────────────────────────────────────────────────────────
  /** A device's socket connected; the first socket marks it online. */
  deviceConnected(identity: Identity, transport?: { isSecure: boolean; address: string }): void {
    const count = (this.connections.get(identity.deviceId) ?? 0) + 1;
    this.connections.set(identity.deviceId, count);
    if (transport) {
      this.transports.set(identity.deviceId, {
        ...transport,
        isLoopback: isLoopbackAddress(transport.address),
      });
    }
    this.options.store.touchDevice(identity.deviceId, this.options.clock.now());
    // A changed transport is news for the console's plain-HTTP warning even on a second connection.
    if (count === 1 || transport) this.publishDevice(identity.deviceId);
  }

  /** A device's socket went away; the last one marks it offline. */
  deviceDisconnected(identity: Identity): void {
    const count = (this.connections.get(identity.deviceId) ?? 1) - 1;
    if (count <= 0) {
      this.connections.delete(identity.deviceId);
      this.transports.delete(identity.deviceId);
    } else this.connections.set(identity.deviceId, count);
    this.options.store.touchDevice(identity.deviceId, this.options.clock.now());
    if (count <= 0) this.publishDevice(identity.deviceId);
  }

  /** A kiosk reports its printer's health. */
  recordPrinterStatus(identity: Identity, state: PrinterState, detail: string | null): void {
    const previous = this.options.store.findDevice(identity.deviceId);
    this.options.store.setPrinterStatus(identity.deviceId, state, detail, this.options.clock.now());
    if (previous?.printerState !== state) {
      this.log(state === 'ok' ? 'info' : 'warn', 'printer status', identity, { printer: state });
    }
    this.publishDevice(identity.deviceId);
  }

  /**
   * Revoke a device: its token stops working and its open connections are closed at once (the
   * realtime layer listens), so a stolen tablet is cut off immediately.
   */
  revokeDevice(identity: Identity, deviceId: DeviceId): boolean {
    const isRevoked = this.options.store.revokeDevice(deviceId, this.options.clock.now());
    if (isRevoked) this.cutOff(identity, deviceId);
    return isRevoked;
  }

  /**
   * Notice devices revoked by another process (`pnpm luot revoke` writes the same database): when the
   * database changed since the last look, every connected device and every session-holding terminal is
   * checked, and the revoked ones are cut off as a revocation from the console would. Called on a short
   * timer; the check costs one PRAGMA while nothing changed.
   */
  noticeRevocationsElsewhere(): void {
    const version = this.options.store.dataVersion();
    if (version === this.checkedDataVersion) return;
    this.checkedDataVersion = version;
    const candidates = new Set<DeviceId>(this.connections.keys());
    for (const holder of this.sessions.values()) candidates.add(holder.deviceId);
    for (const deviceId of candidates) {
      const device = this.options.store.findDevice(deviceId);
      if (device !== undefined && device.revokedAt !== null) this.cutOff(SYSTEM_IDENTITY, deviceId);
    }
  }

  /**
   * A revoked device's open connections close at once (the realtime layer listens), and a terminal's
   * clerk sessions end with `clerk.signed-out` (reason `revoked`), so displays and consoles see the
   * counter lose its clerk and no other terminal of the counter acts as that clerk.
   */
  private cutOff(identity: Identity, deviceId: DeviceId): void {
    this.log('warn', 'device revoked', identity, { revoked: deviceId });
    for (const listener of this.revokeListeners) listener(deviceId);
    // Every console sees it revoked at once, even one that did not revoke it (or a CLI revocation).
    this.publishDevice(deviceId);
    for (const [counterId, holder] of [...this.sessions]) {
      if (holder.deviceId !== deviceId) continue;
      // Out of the map at once: no command of the revoked terminal may slip in before the commit.
      this.sessions.delete(counterId);
      const now = this.options.clock.now();
      void this.execute(
        identity,
        `revoked-${deviceId}-${counterId}-${now}`,
        { type: 'sign-out', counterId, reason: 'revoked' },
        () => ({}),
      );
    }
  }

  /** A one-time pairing code for a new device (manager console). */
  createPairing(
    identity: Identity,
    kind: DeviceKind,
    name: string,
    counterId: CounterId | null,
  ): Ack<PairingCode> {
    if (
      isCounterBound(kind) &&
      (counterId === null || !this.config.counters.some((counter) => counter.id === counterId))
    ) {
      return fail('VALIDATION_FAILED', `a ${kind} device must be paired to a known counter`);
    }
    const code = createPairingCode(
      this.options.store,
      { kind, name, counterId: isCounterBound(kind) ? counterId : null },
      this.options.clock.now(),
    );
    this.log('info', 'pairing code created', identity, { kind });
    return { ok: true, value: code };
  }

  onDeviceRevoked(listener: (deviceId: DeviceId) => void): () => void {
    this.revokeListeners.add(listener);
    return () => this.revokeListeners.delete(listener);
  }

  /** Every device with its online state and printer, for the manager. */
  deviceStatuses(): DeviceStatus[] {
    return this.options.store.listDevices().map((device) => this.statusOf(device));
  }

  private statusOf(device: DeviceRow): DeviceStatus {
    return {
      deviceId: device.id,
      kind: device.kind,
      name: device.name,
      counterId: device.counterId,
      isOnline: (this.connections.get(device.id) ?? 0) > 0,
      ...this.transportOf(device.id),
      lastSeenAt: device.lastSeenAt,
      revokedAt: device.revokedAt,
      printer:
        device.printerState === null
          ? null
          : { state: device.printerState, detail: device.printerDetail, at: device.printerAt ?? 0 },
    };
  }

  private transportOf(deviceId: DeviceId): Pick<DeviceStatus, 'transport'> {
    const transport = this.transports.get(deviceId);
    return transport === undefined ? {} : { transport };
  }

  private publishDevice(deviceId: DeviceId): void {
    const device = this.options.store.findDevice(deviceId);
    if (!device) return;
    const status = this.statusOf(device);
    for (const listener of this.deviceListeners) listener(status);
  }

  // ── time ────────────────────────────────────────────────────────────────────────────────────
  /**
   * Called on a timer: start the new business day when the clock passes the rollover hour, so the
   * displays clear and numbering restarts even if nobody acts; forget old idempotency records.
   */
  async tick(): Promise<void> {
    const now = this.options.clock.now();
    const { timeZone, rolloverHour } = this.config.hall;
    if (businessDayOf(now, timeZone, rolloverHour) > this.queue.businessDay) {
      await this.execute(SYSTEM_IDENTITY, `roll-${now}`, { type: 'roll-day' }, () => ({}));
      this.options.store.pruneCommandResults(now - COMMAND_RESULT_RETENTION_MS);
    }
  }

  private log(
    level: 'info' | 'warn' | 'error',
    message: string,
    identity: Identity,
    fields: Record<string, string | number | null>,
  ): void {
    const logger = this.options.logger;
    // Checked first: a command's log object is not even built when its level is off.
    if (!logger.isLevelEnabled(level)) return;
    logger[level](
      { role: identity.role, device: identity.deviceId, counter: identity.counterId, ...fields },
      message,
    );
  }
}
