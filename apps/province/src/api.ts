import type {
  HallBoardRow,
  HallReport,
  ProvinceCatalogue,
  ProvinceReport,
  WireError,
} from '@luot/shared/contracts';

/** An API answer. */
export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: WireError };

/** A province account as the hub returns it. */
export interface Account {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly mustChangePassword: boolean;
}

/** A report period as the console asks for it. */
export interface PeriodQuery {
  readonly from: string;
  readonly to: string;
  readonly target: number;
}

const unreachable = (): ApiResult<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: 'the hub cannot be reached' },
});

/**
 * The province console's client of the hub's API: every call carries the session token; a session that
 * ended answers 401 and the console returns to sign-in (`onUnauthorized`).
 */
export class HubApi {
  constructor(
    private readonly token: string | null,
    private readonly onUnauthorized: () => void = () => {},
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
  ) {}

  private headers(body: boolean): Record<string, string> {
    return {
      ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    };
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    try {
      const response = await this.fetcher(path, {
        method,
        headers: this.headers(body !== undefined),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const result = (await response.json()) as ApiResult<T>;
      if (response.status === 401 && !path.endsWith('/login') && !path.endsWith('/password'))
        this.onUnauthorized();
      return result;
    } catch {
      return unreachable();
    }
  }

  login(
    username: string,
    password: string,
  ): Promise<ApiResult<{ token: string; expiresAt: number; account: Account }>> {
    return this.call('POST', '/api/v1/console/login', { username, password });
  }
  logout(): Promise<ApiResult<object>> {
    return this.call('POST', '/api/v1/console/logout');
  }
  me(): Promise<ApiResult<Account>> {
    return this.call('GET', '/api/v1/console/me');
  }
  changePassword(currentPassword: string, newPassword: string): Promise<ApiResult<object>> {
    return this.call('POST', '/api/v1/console/password', { currentPassword, newPassword });
  }
  halls(): Promise<ApiResult<HallBoardRow[]>> {
    return this.call('GET', '/api/v1/console/halls');
  }
  addHall(name: string): Promise<ApiResult<{ hallId: string; code: string; expiresAt: number }>> {
    return this.call('POST', '/api/v1/console/halls', { name });
  }
  newCode(hallId: string): Promise<ApiResult<{ hallId: string; code: string; expiresAt: number }>> {
    return this.call('POST', `/api/v1/console/halls/${encodeURIComponent(hallId)}/code`);
  }
  revoke(hallId: string): Promise<ApiResult<{ revoked: boolean }>> {
    return this.call('POST', `/api/v1/console/halls/${encodeURIComponent(hallId)}/revoke`);
  }
  report(period: PeriodQuery, hallIds?: readonly string[]): Promise<ApiResult<ProvinceReport>> {
    return this.call('GET', `/api/v1/console/report?${query(period, hallIds)}`);
  }
  hallReport(hallId: string, period: PeriodQuery): Promise<ApiResult<HallReport>> {
    return this.call('GET', `/api/v1/console/halls/${encodeURIComponent(hallId)}/report?${query(period)}`);
  }
  catalogue(): Promise<ApiResult<ProvinceCatalogue | null>> {
    return this.call('GET', '/api/v1/console/catalogue');
  }
  saveCatalogue(body: ProvinceCatalogue['body']): Promise<ApiResult<{ version: number }>> {
    return this.call('PUT', '/api/v1/console/catalogue', body);
  }
  hallCatalogue(hallId: string): Promise<ApiResult<ProvinceCatalogue['body']>> {
    return this.call('GET', `/api/v1/console/halls/${encodeURIComponent(hallId)}/catalogue`);
  }
  rollUp(): Promise<ApiResult<{ days: number }>> {
    return this.call('POST', '/api/v1/console/rollups');
  }

  /** Download an export (CSV or XLSX) with the session token, as a file the browser saves. */
  async download(kind: 'csv' | 'xlsx', period: PeriodQuery): Promise<ApiResult<Blob>> {
    try {
      const response = await this.fetcher(`/api/v1/console/report.${kind}?${query(period)}`, {
        headers: this.headers(false),
      });
      if (response.status === 401) this.onUnauthorized();
      if (!response.ok) return (await response.json()) as ApiResult<never>;
      return { ok: true, value: await response.blob() };
    } catch {
      return unreachable();
    }
  }
}

function query(period: PeriodQuery, hallIds?: readonly string[]): string {
  const params = new URLSearchParams({ from: period.from, to: period.to, target: String(period.target) });
  if (hallIds && hallIds.length > 0) params.set('halls', hallIds.join(','));
  return params.toString();
}
