/**
 * Limits that keep one source from hurting the hall: attempt budgets per source (checked before any
 * expensive work), a cap on password hashing in flight, and lock-outs per (account, source) so that a
 * stranger guessing from the hall's Wi-Fi never locks the owner out at the server PC or another terminal.
 * All state is in memory and bounded; time is the hall clock (tests move it).
 */

/** A budget of attempts per source: `capacity` at once, refilled at `perMinute`. */
export interface BudgetLimits {
  readonly capacity: number;
  readonly perMinute: number;
}

/** How many sources a table remembers at most: a flood of new sources evicts the oldest, memory stays flat. */
const MAX_SOURCES = 10_000;

/**
 * A token bucket per key (an address, a device): `take` spends one attempt when there is one and tells
 * when the next will be available otherwise; `refund` gives one back (a sign-in that succeeded costs
 * nothing). Attempts are counted when they start, so a hundred sent at once cannot all pass before
 * the first is counted.
 */
export class AttemptBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limits: BudgetLimits) {}

  /** Spend one attempt of `key`: null when allowed, else the epoch ms when one will be available. */
  take(key: string, now: number): number | null {
    const tokens = this.tokensAt(key, now);
    if (tokens < 1) {
      this.store(key, tokens, now);
      return now + Math.ceil(((1 - tokens) * 60_000) / this.limits.perMinute);
    }
    this.store(key, tokens - 1, now);
    return null;
  }

  /** Give back one attempt (it turned out to be legitimate). */
  refund(key: string, now: number): void {
    this.store(key, Math.min(this.limits.capacity, this.tokensAt(key, now) + 1), now);
  }

  private tokensAt(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.limits.capacity;
    const refill = (Math.max(0, now - bucket.at) * this.limits.perMinute) / 60_000;
    return Math.min(this.limits.capacity, bucket.tokens + refill);
  }

  private store(key: string, tokens: number, now: number): void {
    this.buckets.delete(key);
    // A full bucket is the default: nothing to remember.
    if (tokens >= this.limits.capacity) return;
    this.buckets.set(key, { tokens, at: now });
    if (this.buckets.size > MAX_SOURCES) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
  }
}

/**
 * A cap on expensive work in flight (password hashing): at most `concurrency` run at once, at most
 * `queue` wait; anything beyond is refused at once. Password hashes run on libuv's thread pool (four
 * threads), the same pool that reads the files of every page and voice clip: two hashes at a time leave
 * the rest of the pool to the hall.
 */
export class WorkGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** How many entered the gate since it was made (tests: work limited before the gate never counts). */
  entered = 0;
  /** The most that ever ran at once. */
  highWater = 0;

  constructor(
    private readonly concurrency: number,
    private readonly queue: number,
  ) {}

  /** Run `work` inside the gate, or return `undefined` at once when the gate and its queue are full. */
  async run<T>(work: () => Promise<T>): Promise<{ value: T } | undefined> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) return undefined;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    this.entered += 1;
    this.highWater = Math.max(this.highWater, this.running);
    try {
      return { value: await work() };
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line; `running` stays the same.
      if (next) next();
      else this.running -= 1;
    }
  }
}

/** Wrong secrets in a row before a lock, the first lock, and the longest (each lock doubles). */
export interface LockRules {
  readonly attemptsBeforeLock: number;
  readonly firstLockMs: number;
  readonly maxLockMs: number;
}

/**
 * Failures per (account, source) with a growing lock: five wrong passwords from one address lock that
 * account *for that address* only. The account may be a name that does not exist: unknown names are
 * counted and locked exactly like known ones, so the answers (and their timing) do not tell which exist.
 * `unlockMarkOf(account)` is read from the database: the CLI's `unlock` and a PIN or password reset
 * change it, and failures counted under an older mark no longer count (a mark, not a time: the CLI's
 * clock and the server's need not agree).
 */
export class LockBook {
  private readonly entries = new Map<
    string,
    { account: string; failures: number; lockedUntil: number | null; mark: string | undefined }
  >();

  constructor(
    private readonly rules: LockRules,
    private readonly unlockMarkOf: (account: string) => string | undefined = () => undefined,
  ) {}

  /** When the lock of (account, source) ends, or null when it may try. */
  lockedUntil(account: string, source: string, now: number): number | null {
    const entry = this.current(account, source);
    return entry?.lockedUntil != null && entry.lockedUntil > now ? entry.lockedUntil : null;
  }

  /** Count one failure; returns the lock's end when this failure locks (or keeps locked) the pair. */
  recordFailure(account: string, source: string, now: number): number | null {
    const previous = this.current(account, source);
    const failures = (previous?.failures ?? 0) + 1;
    const { attemptsBeforeLock, firstLockMs, maxLockMs } = this.rules;
    const lockedUntil =
      failures >= attemptsBeforeLock
        ? now + Math.min(firstLockMs * 2 ** (failures - attemptsBeforeLock), maxLockMs)
        : null;
    const key = keyOf(account, source);
    const mark = previous ? previous.mark : this.unlockMarkOf(account);
    this.entries.delete(key);
    this.entries.set(key, { account, failures, lockedUntil, mark });
    if (this.entries.size > MAX_SOURCES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return lockedUntil;
  }

  /** The right secret: forget the pair's failures. */
  recordSuccess(account: string, source: string): void {
    this.entries.delete(keyOf(account, source));
  }

  private current(
    account: string,
    source: string,
  ): { failures: number; lockedUntil: number | null; mark: string | undefined } | undefined {
    const key = keyOf(account, source);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Only an account with failures is looked up in the database: the normal path reads nothing.
    if (this.unlockMarkOf(account) !== entry.mark) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

const keyOf = (account: string, source: string): string => `${account}\u0000${source}`;

/** The hall_meta key whose value changes whenever an account is unlocked by the CLI or a reset. */
export const unlockSettingKey = (account: string): string => `sign-in-unlocked:${account}`;

/** The lock-out account of a manager username (names are compared without case). */
export const managerAccount = (username: string): string => `manager:${username.trim().toLowerCase()}`;

/** The lock-out account of a clerk username. */
export const clerkAccount = (username: string): string => `clerk:${username.trim().toLowerCase()}`;

// ── the realtime edge ────────────────────────────────────────────────────────────────────────

/** Limits of the Socket.IO edge, per device token and per source address. */
export interface SocketLimits {
  /** Open connections one device token may hold at once (a manager's token: every console tab). */
  readonly connectionsPerDevice: number;
  readonly connectionsPerManager: number;
  /** Open connections from one address (loopback, the server PC itself, is not limited). */
  readonly connectionsPerAddress: number;
  /** Handshakes per device token and per address (reconnect storms, a token used by a script). */
  readonly handshakesPerDevice: BudgetLimits;
  readonly handshakesPerAddress: BudgetLimits;
  /**
   * Events that cost the hall something for every one sent and that no screen needs often: each printer
   * status is a database write and a push to every console, each snapshot tens of kilobytes. Per device
   * and per address.
   */
  readonly events: {
    readonly [event in 'printer:status' | 'sync:snapshot' | 'device:list']: {
      readonly perDevice: BudgetLimits;
      readonly perAddress: BudgetLimits;
    };
  };
}

/**
 * The defaults: far above what the apps send (a kiosk reports its printer on a change and once a
 * minute; a client asks for a snapshot on a gap; a display reconnects after a cut), far below a flood.
 */
export const SOCKET_LIMITS: SocketLimits = {
  connectionsPerDevice: 4,
  connectionsPerManager: 12,
  connectionsPerAddress: 64,
  handshakesPerDevice: { capacity: 20, perMinute: 60 },
  handshakesPerAddress: { capacity: 120, perMinute: 600 },
  events: {
    'printer:status': {
      perDevice: { capacity: 10, perMinute: 30 },
      perAddress: { capacity: 40, perMinute: 120 },
    },
    'sync:snapshot': {
      perDevice: { capacity: 10, perMinute: 30 },
      perAddress: { capacity: 40, perMinute: 120 },
    },
    'device:list': {
      perDevice: { capacity: 20, perMinute: 60 },
      perAddress: { capacity: 40, perMinute: 120 },
    },
  },
};

/**
 * The server PC itself: its handshakes and costly events are not budgeted (it can read the database
 * anyway; its own display, the CLI's tools and every test run there). Open connections per token are
 * capped for it too.
 */
export const isLocalAddress = (address: string): boolean =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/** Why a connection or an event is refused by a limit, or null when it may go on. */
export type LimitRefusal = { readonly message: string; readonly retryAt: number | null } | null;

/**
 * The bookkeeping of `SocketLimits`: which connections are open per device and address, and the
 * budgets of handshakes and costly events. The transport asks before accepting a connection or
 * handling an event; nothing here touches the database, so refusing a flood costs almost nothing.
 */
export class SocketLimiter {
  private readonly openByDevice = new Map<string, number>();
  private readonly openByAddress = new Map<string, number>();
  private readonly handshakesByDevice: AttemptBudget;
  private readonly handshakesByAddress: AttemptBudget;
  private readonly eventBudgets: Map<string, { perDevice: AttemptBudget; perAddress: AttemptBudget }>;

  constructor(private readonly limits: SocketLimits = SOCKET_LIMITS) {
    this.handshakesByDevice = new AttemptBudget(limits.handshakesPerDevice);
    this.handshakesByAddress = new AttemptBudget(limits.handshakesPerAddress);
    this.eventBudgets = new Map(
      Object.entries(limits.events).map(([event, budget]) => [
        event,
        { perDevice: new AttemptBudget(budget.perDevice), perAddress: new AttemptBudget(budget.perAddress) },
      ]),
    );
  }

  /** Before the token is even looked up: the address's handshake budget and open connections. */
  admitAddress(address: string, now: number): LimitRefusal {
    if (isLocalAddress(address)) return null;
    const retryAt = this.handshakesByAddress.take(address, now);
    if (retryAt !== null) return { message: 'too many connection attempts from this address', retryAt };
    if ((this.openByAddress.get(address) ?? 0) >= this.limits.connectionsPerAddress) {
      return { message: 'too many open connections from this address', retryAt: null };
    }
    return null;
  }

  /** Once the token is known: its handshake budget (not from the server PC) and open connections. */
  admitDevice(deviceId: string, address: string, isManager: boolean, now: number): LimitRefusal {
    const retryAt = isLocalAddress(address) ? null : this.handshakesByDevice.take(deviceId, now);
    if (retryAt !== null) return { message: 'too many connection attempts with this device token', retryAt };
    const most = isManager ? this.limits.connectionsPerManager : this.limits.connectionsPerDevice;
    if ((this.openByDevice.get(deviceId) ?? 0) >= most) {
      return { message: `this device token already has ${most} open connections`, retryAt: null };
    }
    return null;
  }

  /** A connection was accepted; returns the function to call once when it closes. */
  opened(deviceId: string, address: string): () => void {
    const bump = (map: Map<string, number>, key: string, by: number): void => {
      const count = (map.get(key) ?? 0) + by;
      if (count <= 0) map.delete(key);
      else map.set(key, count);
    };
    bump(this.openByDevice, deviceId, 1);
    bump(this.openByAddress, address, 1);
    let isClosed = false;
    return () => {
      if (isClosed) return;
      isClosed = true;
      bump(this.openByDevice, deviceId, -1);
      bump(this.openByAddress, address, -1);
    };
  }

  /** A costly event from a device at an address: within both budgets, or refused. */
  admitEvent(event: string, deviceId: string, address: string, now: number): LimitRefusal {
    const budget = this.eventBudgets.get(event);
    // The server PC itself (its own display, tools, tests) is trusted: it can read the database anyway.
    if (!budget || isLocalAddress(address)) return null;
    const deviceRetryAt = budget.perDevice.take(deviceId, now);
    if (deviceRetryAt !== null)
      return { message: `too many ${event} from this device`, retryAt: deviceRetryAt };
    const addressRetryAt = budget.perAddress.take(address, now);
    if (addressRetryAt !== null) {
      return { message: `too many ${event} from this address`, retryAt: addressRetryAt };
    }
    return null;
  }
}
