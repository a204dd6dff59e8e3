import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallView } from '@luot/client';
import type { DeviceStatus } from '@luot/shared/contracts';
import { asDeviceId } from '@luot/shared/domain';
import { DevicesScreen } from '../src/DevicesScreen.tsx';
import { demoHallConfigForTest } from './fixtures.ts';
import { recordingApi } from './recording-api.ts';

afterEach(cleanup);

const device = (name: string, overrides: Partial<DeviceStatus> = {}): DeviceStatus => ({
  deviceId: asDeviceId(`dev_${name}`),
  kind: 'display',
  name,
  counterId: null,
  isOnline: true,
  lastSeenAt: Date.UTC(2026, 2, 2, 2, 0),
  revokedAt: null,
  printer: null,
  ...overrides,
});

const viewWith = (devices: Record<string, DeviceStatus>): HallView => ({
  status: 'online',
  state: null,
  config: demoHallConfigForTest(),
  identity: null,
  clockOffsetMs: 0,
  sessionEnded: null,
  devices,
});

describe('devices: a revoked device is shown as revoked, with nothing left to do', () => {
  it('folds revoked devices away as "Đã thu hồi", with no revoke button, and moves one there when a push says so', async () => {
    const hallTv = device('TV sảnh chờ');
    const oldTv = device('TV cũ tầng 2', { isOnline: false, revokedAt: Date.UTC(2026, 2, 1, 3, 15) });
    const { api } = recordingApi({ 'GET /api/admin/devices': () => ({ ok: true, value: [hallTv, oldTv] }) });
    const { rerender } = render(<DevicesScreen api={api} view={viewWith({})} />);
    await screen.findByText('TV sảnh chờ');

    const revoked = screen.getByTestId('revoked-devices');
    expect(within(revoked).getByText('Thiết bị đã thu hồi (1)').tagName).toBe('SUMMARY');
    expect(revoked.hasAttribute('open')).toBe(false);
    const oldRow = within(revoked).getByText('TV cũ tầng 2').closest('tr')!;
    expect(within(oldRow).getByText('Đã thu hồi')).toBeTruthy();
    expect(within(oldRow).queryByRole('button')).toBeNull();
    // The live list has one revoke button: the working TV's.
    expect(screen.getAllByRole('button', { name: 'Thu hồi' })).toHaveLength(1);
    expect(
      within(screen.getByText('TV sảnh chờ').closest('tr')!).getByRole('button', { name: 'Thu hồi' }),
    ).toBeTruthy();

    // Revoked from another console (or `pnpm luot revoke`): the push moves it, and no button is left.
    act(() => {
      rerender(
        <DevicesScreen
          api={api}
          view={viewWith({
            [hallTv.deviceId]: { ...hallTv, isOnline: false, revokedAt: Date.UTC(2026, 2, 2, 3, 0) },
          })}
        />,
      );
    });
    expect(screen.getByText('Thiết bị đã thu hồi (2)')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Thu hồi' })).toBeNull();
    expect(screen.getByText('Chưa có thiết bị nào.')).toBeTruthy();
    fireEvent.click(screen.getByText('Thiết bị đã thu hồi (2)'));
    expect(within(screen.getByTestId('revoked-devices')).getAllByText('Đã thu hồi')).toHaveLength(2);
  });
});
