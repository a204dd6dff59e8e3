import type {
  AuditEntry,
  DeviceKind,
  DeviceStatus,
  DurationStats,
  ErrorCode,
  FoundTicket,
  HallReport,
  ManagerProfile,
  ReportDimension,
  ReportRow,
  SimulationRequest,
  WireError,
} from '@luot/shared/contracts';
import { REPORT_DIMENSIONS } from '@luot/shared/contracts';
import type { HallConfig } from '@luot/shared/domain';
import type { SimulationComparison } from '@luot/shared/simulation';

// The admin REST API client; its JSON shapes are declared once in `@luot/shared/contracts` (reports.ts).

/** The signed-in manager. */
export type Manager = ManagerProfile;
export { REPORT_DIMENSIONS };
export type { AuditEntry, DurationStats, FoundTicket, HallReport, ReportDimension, ReportRow };

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
  /** Whether the hall has no manager yet, and whether this browser runs on the server PC. */
  firstStart(): Promise<ApiResult<{ needsFirstManager: boolean; isServerPc: boolean }>> {
    return this.call('GET', '/api/admin/first-start');
  }
  /** The hall's first manager (from the server PC only). */
  createFirstManager(
    username: string,
    displayName: string,
    password: string,
  ): Promise<ApiResult<{ created: true }>> {
    return this.call('POST', '/api/admin/first-manager', {
      username,
      password,
      ...(displayName === '' ? {} : { displayName }),
    });
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
  saveVoiceClip(phrase: string, dataUrl: string): Promise<ApiResult<{ phrase: string; file: string }>> {
    return this.call('PUT', '/api/admin/voice-clips', { phrase, dataUrl });
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
  /** Run the policy simulator (on the server's analysis worker). */
  simulate(request: SimulationRequest): Promise<ApiResult<SimulationComparison>> {
    return this.call('POST', '/api/admin/simulations', request);
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
