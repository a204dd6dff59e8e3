import type {
  AuditEntry,
  FoundTicket,
  HallReport,
  ReportDimension,
  SimulationRequest,
} from '@luot/shared/contracts';
import type { SimulationComparison } from '@luot/shared/simulation';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ClerkId, HallConfig, PinProblem } from '@luot/shared/domain';
import { pinProblem } from '@luot/shared/domain';
import { clipFileName, normalizeSpokenPhrase } from '@luot/shared/text';
import type { AdminStore, AuditFilter } from '../db/admin-store.ts';
import type { HallStore } from '../db/hall-store.ts';
import type { AnalysisWorker } from '../reports/analysis-worker.ts';
import type { Clock } from './clock.ts';
import { recordUnlock } from './account-recovery.ts';
import { hashPin } from './credentials.ts';
import { clerkAccount } from './limits.ts';
import type { HallService } from './hall-service.ts';
import type { ManagerAccounts } from './managers.ts';
import { checkWav } from './wav.ts';
import { managerDeviceId } from './managers.ts';

/** The hall setting that holds the logo printed on tickets (a PNG data URL). */
export const LOGO_SETTING = 'hall_logo';

/** A report file to download. */
export interface ReportFile {
  readonly contentType: string;
  readonly extension: 'csv' | 'xlsx';
  readonly bytes: Buffer;
}

/**
 * What the manager console does besides queue commands: the logo, the hall's voice clips, clerk PINs,
 * ticket search, reports,
 * the audit view. The HTTP layer calls these and never a store: every write of the console goes
 * through here (and is recorded as a manager action), every queue change through the command service.
 */
export class AdminConsole {
  constructor(
    private readonly deps: {
      readonly service: HallService;
      readonly accounts: ManagerAccounts;
      readonly adminStore: AdminStore;
      readonly hallStore: HallStore;
      readonly clock: Clock;
      /** The worker thread that computes reports off the event loop. */
      readonly analysis: AnalysisWorker;
      /** Voice clip folders, the hall's own recordings first (they are written there). */
      readonly voiceDirs?: readonly string[];
    },
  ) {}

  /** Record what a manager did outside the queue's event log. */
  recordAction(managerId: number, type: string, detail: Record<string, unknown>): void {
    this.deps.adminStore.recordAction({ at: this.deps.clock.now(), managerId, type, detail });
  }

  // ── the logo ─────────────────────────────────────────────────────────────────────────────
  /** The ticket logo as a PNG data URL, if the hall has one. */
  logo(): string | undefined {
    return this.deps.adminStore.getSetting(LOGO_SETTING);
  }

  /** Set (or with null remove) the ticket logo; the caller has checked it is a small PNG. */
  setLogo(managerId: number, dataUrl: string | null): void {
    if (dataUrl === null) this.deps.adminStore.deleteSetting(LOGO_SETTING);
    else this.deps.adminStore.setSetting(LOGO_SETTING, dataUrl);
    this.recordAction(managerId, 'hall.logo-changed', { isRemoved: dataUrl === null });
  }

  // ── the hall's own voice clips ───────────────────────────────────────────────────────────
  /**
   * Store a recording of a word or phrase (the caller parsed the request) in the hall's voice folder,
   * named as the announcer will ask for it, and record who did it. Refused (with why) when it is not a
   * short mono 16-bit PCM WAV.
   */
  saveVoiceClip(
    managerId: number,
    phrase: string,
    bytes: Buffer,
  ): { ok: true; value: { phrase: string; file: string } } | { ok: false; problem: string } {
    const hallDir = this.deps.voiceDirs?.[0];
    if (hallDir === undefined) return { ok: false, problem: 'this server keeps no voice clips' };
    const wav = checkWav(bytes);
    if (!wav.ok) return wav;
    const normalized = normalizeSpokenPhrase(phrase);
    if (normalized === '') return { ok: false, problem: 'the phrase has no word' };
    const file = clipFileName(normalized);
    mkdirSync(hallDir, { recursive: true });
    // Written aside and renamed: a display fetching the clip meanwhile never gets half a file.
    const target = path.join(hallDir, file);
    writeFileSync(`${target}.part`, bytes);
    renameSync(`${target}.part`, target);
    this.recordAction(managerId, 'hall.voice-clip-saved', {
      phrase: normalized,
      file,
      durationMs: Math.round(wav.value.durationMs),
    });
    return { ok: true, value: { phrase: normalized, file } };
  }

  /** The hall's recorded words (of a configuration) that have no clip in any voice folder. */
  missingVoiceClips(config: HallConfig): string[] {
    const dirs = this.deps.voiceDirs ?? [];
    return (config.announcement.customWords ?? [])
      .map(normalizeSpokenPhrase)
      .filter((word) => !dirs.some((dir) => existsSync(path.join(dir, clipFileName(word)))));
  }

  // ── clerks ───────────────────────────────────────────────────────────────────────────────
  /** Whether a clerk with this id is configured. */
  hasClerk(clerkId: ClerkId): boolean {
    return this.deps.service.hallConfig.clerks.some((clerk) => clerk.id === clerkId);
  }

  /**
   * Set a clerk's PIN and lift any lock-out (on every terminal); the clerk replaces it with their own at the next sign-in
   * (issue 15). A weak PIN (0000, 1234, 1212…) is refused with why.
   */
  async setClerkPin(
    managerId: number,
    clerkId: ClerkId,
    pin: string,
  ): Promise<{ ok: true } | { ok: false; problem: PinProblem }> {
    const problem = pinProblem(pin);
    if (problem !== null) return { ok: false, problem };
    const pinHash = await hashPin(pin);
    this.deps.hallStore.setClerkPin(clerkId, pinHash, true);
    this.deps.hallStore.recordPinFailure(clerkId, 0, null);
    const clerk = this.deps.service.hallConfig.clerks.find((candidate) => candidate.id === clerkId);
    if (clerk) recordUnlock(this.deps.adminStore, clerkAccount(clerk.username), this.deps.clock.now());
    this.recordAction(managerId, 'clerk.pin-reset', { clerkId });
    return { ok: true };
  }

  // ── tickets, reports, audit ──────────────────────────────────────────────────────────────
  /** Tickets with a printed number (any day when `day` is null), newest first, with their history. */
  findTickets(number: string, day: string | null): FoundTicket[] {
    const { adminStore, service } = this.deps;
    return adminStore.ticketsByNumber(number, day).map((ticket) => ({
      ...ticket,
      // Today's tickets are read from memory: the projection and the replica agree, memory is newest.
      body: service.state.tickets[ticket.id] ?? ticket.body,
      history: adminStore.ticketEvents(ticket.id),
    })) as FoundTicket[];
  }

  /**
   * The report of the business days `from`…`to`, and its file when asked for one. Computed in the
   * analysis worker (its own read-only connection): a year's facts take hundreds of milliseconds to
   * read and sum, which the hall's commands must not wait behind (docs/ARCHITECTURE.md).
   */
  async report(request: {
    readonly from: string;
    readonly to: string;
    readonly targetWaitMinutes: number;
    readonly format: 'json' | 'csv' | 'xlsx';
    readonly dimensions: readonly ReportDimension[];
  }): Promise<{ report: HallReport; file: ReportFile | null }> {
    const { report, file } = await this.deps.analysis.run({
      kind: 'report',
      ...request,
      config: this.deps.service.hallConfig,
      now: this.deps.clock.now(),
    });
    if (file === null) return { report, file: null };
    return {
      report,
      file: {
        contentType: file.contentType,
        extension: file.extension,
        bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
      },
    };
  }

  /**
   * The policy simulator: the business days `from`…`to` replayed under a candidate setup, beside what
   * really happened; on the analysis worker like reports (a busy day takes about a second).
   */
  simulate(request: SimulationRequest): Promise<SimulationComparison> {
    return this.deps.analysis.run({
      kind: 'simulate',
      from: request.from,
      to: request.to,
      targetWaitMinutes: request.targetWaitMinutes,
      setup: request.setup,
      config: this.deps.service.hallConfig,
    });
  }

  /** The audit view: events and manager actions, newest first. */
  audit(filter: AuditFilter): { entries: AuditEntry[]; names: Record<string, string> } {
    return { entries: this.deps.adminStore.audit(filter), names: this.actorNames() };
  }

  /** The distinct event and action types, for the audit filter. */
  auditTypes(): string[] {
    return this.deps.adminStore.auditTypes();
  }

  /** Who is who in the audit view: devices, manager consoles (`mgr_<id>`) and clerks by id. */
  private actorNames(): Record<string, string> {
    const names: Record<string, string> = {};
    for (const [id, name] of this.deps.adminStore.deviceNames()) names[id] = name;
    for (const [id, username] of this.deps.accounts.names()) names[managerDeviceId(id)] = username;
    for (const clerk of this.deps.service.hallConfig.clerks) names[clerk.id] = clerk.name;
    return names;
  }
}
