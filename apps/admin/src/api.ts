import type { DeviceKind, DeviceStatus, ErrorCode, WireError } from '@luot/shared/contracts';
import type { HallConfig, LocalizedText, SatisfactionLevel, Ticket } from '@luot/shared/domain';

// The shapes of the admin REST API (server/src/http/admin-api.ts and server/src/reports/report.ts).
// Apps never import the server, so the JSON shapes are declared here; the server is their source.

/** The signed-in manager. */
export interface Manager {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly mustChangePassword: boolean;
}

/** Duration statistics in ms (nearest-rank percentiles). */
export interface DurationStats {
  readonly count: number;
  readonly averageMs: number | null;
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
}

/** One group of a report. */
export interface ReportRow {
  readonly key: string;
  readonly label: LocalizedText;
  readonly issued: number;
  readonly served: number;
  readonly noShow: number;
  readonly transferred: number;
  readonly cancelled: number;
  readonly expired: number;
  readonly open: number;
  readonly wait: DurationStats;
  readonly service: DurationStats;
  readonly withinTarget: number;
  readonly withinTargetPercent: number | null;
  readonly satisfaction: {
    readonly total: number;
    readonly byLevel: Readonly<Record<string, number>>;
    readonly satisfied: number;
    readonly percentSatisfied: number | null;
  };
}

/** The dimensions of a report. */
export const REPORT_DIMENSIONS = ['day', 'hour', 'field', 'service', 'counter', 'clerk'] as const;
/** One dimension. */
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** A report over a range of business days. */
export interface HallReport {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly targetWaitMinutes: number;
  readonly generatedAt: number;
  readonly levels: readonly SatisfactionLevel[];
  readonly total: ReportRow;
  readonly by: Readonly<Record<ReportDimension, readonly ReportRow[]>>;
}

/** A line of the audit view. */
export interface AuditEntry {
  readonly source: 'event' | 'admin';
  readonly id: number;
  readonly at: number;
  readonly type: string;
  readonly actorRole: string;
  readonly deviceId: string | null;
  readonly clerkId: string | null;
  readonly managerId: number | null;
  readonly ticketId: number | null;
  readonly counterId: string | null;
  readonly body: Readonly<Record<string, unknown>>;
}

/** A ticket found by number, with its history. */
export interface FoundTicket {
  readonly id: number;
  readonly businessDay: string;
  readonly body: Ticket;
  readonly history: readonly AuditEntry[];
}

/** An API answer. */
export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: WireError };

const unreachable = (): ApiResult<never> => ({
  ok: false,
  error: { code: 'INTERNAL' satisfies ErrorCode, message: 'the hall server cannot be reached' },
});

/**
 * The console's REST client: every call carries the session token; an expired session answers
 * UNAUTHORIZED and the console returns to the sign-in screen (`onUnauthorized`).
 */
export class AdminApi {
  constructor(
    private readonly token: string | null,
    private readonly onUnauthorized: () => void = () => {},
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    try {
      const response = await this.fetcher(path, {
        method,
        headers: {
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const result = (await response.json()) as ApiResult<T>;
      if (response.status === 401 && path !== '/api/admin/login' && path !== '/api/admin/password') {
        this.onUnauthorized();
      }
      return result;
    } catch {
      return unreachable();
    }
  }

  login(
    username: string,
    password: string,
  ): Promise<ApiResult<{ token: string; expiresAt: number; manager: Manager }>> {
    return this.call('POST', '/api/admin/login', { username, password });
  }
  session(): Promise<ApiResult<{ manager: Manager; expiresAt: number }>> {
    return this.call('GET', '/api/admin/session');
  }
  logout(): Promise<ApiResult<unknown>> {
    return this.call('POST', '/api/admin/logout');
  }
  changePassword(currentPassword: string, newPassword: string): Promise<ApiResult<{ changed: true }>> {
    return this.call('POST', '/api/admin/password', { currentPassword, newPassword });
  }
  saveConfig(requestId: string, config: HallConfig): Promise<ApiResult<{ version: number }>> {
    return this.call('PUT', '/api/admin/config', { requestId, config });
  }
  resetPin(clerkId: string, pin: string): Promise<ApiResult<{ reset: true }>> {
    return this.call('POST', `/api/admin/clerks/${encodeURIComponent(clerkId)}/pin`, { pin });
  }
  saveLogo(dataUrl: string | null): Promise<ApiResult<{ saved: true }>> {
    return this.call('PUT', '/api/admin/logo', { dataUrl });
  }
  devices(): Promise<ApiResult<DeviceStatus[]>> {
    return this.call('GET', '/api/admin/devices');
  }
  pair(
    kind: DeviceKind,
    name: string,
    counterId: string | null,
  ): Promise<ApiResult<{ code: string; expiresAt: number }>> {
    return this.call('POST', '/api/admin/devices/pair', { kind, name, counterId });
  }
  revoke(deviceId: string): Promise<ApiResult<{ revoked: true }>> {
    return this.call('POST', `/api/admin/devices/${encodeURIComponent(deviceId)}/revoke`);
  }
  tickets(number: string, day: string | null): Promise<ApiResult<FoundTicket[]>> {
    const query = new URLSearchParams({ number, ...(day ? { day } : {}) });
    return this.call('GET', `/api/admin/tickets?${query.toString()}`);
  }
  report(from: string, to: string, target: number): Promise<ApiResult<HallReport>> {
    return this.call(
      'GET',
      `/api/admin/reports?${new URLSearchParams({ from, to, target: String(target) }).toString()}`,
    );
  }
  audit(
    filter: Readonly<Record<string, string>>,
  ): Promise<ApiResult<{ entries: AuditEntry[]; names: Record<string, string> }>> {
    return this.call('GET', `/api/admin/audit?${new URLSearchParams(filter).toString()}`);
  }
  auditTypes(): Promise<ApiResult<string[]>> {
    return this.call('GET', '/api/admin/audit/types');
  }

  /** Download an export (the session token cannot ride on a plain link, so fetch and save the blob). */
  async download(from: string, to: string, target: number, format: 'csv' | 'xlsx'): Promise<boolean> {
    try {
      const query = new URLSearchParams({ from, to, target: String(target), format });
      const response = await this.fetcher(`/api/admin/reports?${query.toString()}`, {
        headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
      });
      if (!response.ok) return false;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `luot-bao-cao-${from}_${to}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    } catch {
      return false;
    }
  }
}

/** Where the console keeps its session token (this browser only). */
export const SESSION_KEY = 'luot.admin.session';
