import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findCounter } from '@luot/shared/domain';
import { translateErrorCode } from '@luot/shared/text';
import { PairingScreen } from '../src/PairingScreen.tsx';
import type { SignInScreenProps } from '../src/SignInScreen.tsx';
import { SignInScreen } from '../src/SignInScreen.tsx';
import { otherClerkAtCounter } from '../src/terminal-model.ts';
import { CONFIG, HallScenario, Q1 } from './hall-fixture.ts';

afterEach(cleanup);

const counter = findCounter(CONFIG, Q1)!;

function renderSignIn(overrides: Partial<SignInScreenProps> = {}) {
  const onSignIn = vi.fn<(username: string, pin: string) => void>();
  const onDismissNotice = vi.fn();
  render(
    <SignInScreen
      counter={counter}
      counterStatus="closed"
      status="online"
      locale="vi"
      otherClerk={undefined}
      notice={null}
      isWorking={false}
      error={null}
      onSignIn={onSignIn}
      onDismissNotice={onDismissNotice}
      onToggleLocale={vi.fn()}
      {...overrides}
    />,
  );
  return { onSignIn, onDismissNotice };
}

const submit = (): HTMLButtonElement => screen.getByRole('button', { name: 'Đăng nhập' });

describe('SignInScreen (signed out)', () => {
  it('shows the counter number and name and signs in with username + PIN', () => {
    const { onSignIn } = renderSignIn();
    expect(screen.getByTestId('counter-number').textContent).toBe('1');
    expect(screen.getByTestId('counter-name').textContent).toBe('Quầy số 1');
    expect(submit().disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Tên đăng nhập'), { target: { value: ' canbo1 ' } });
    fireEvent.change(screen.getByLabelText('Mã PIN'), { target: { value: '12a34' } });
    expect(screen.getByLabelText<HTMLInputElement>('Mã PIN').value).toBe('1234');
    fireEvent.click(submit());
    expect(onSignIn.mock.calls).toEqual([['canbo1', '1234']]);
    // The PIN never stays on screen after an attempt.
    expect(screen.getByLabelText<HTMLInputElement>('Mã PIN').value).toBe('');
  });

  it('warns that signing in takes over a session held on another terminal', () => {
    const hall = new HallScenario().signIn(Q1, 'cb2');
    renderSignIn({ otherClerk: otherClerkAtCounter(hall.state, hall.config, Q1, null) });
    expect(screen.getByTestId('takeover-warning').textContent).toContain(
      'Cán bộ Trần Thị Bình đang đăng nhập tại quầy này trên máy khác',
    );
  });

  it('shows why the last session ended (taken over) until the clerk dismisses it', () => {
    const { onDismissNotice } = renderSignIn({ notice: { kind: 'takeover' } });
    expect(screen.getByTestId('session-notice').textContent).toContain(
      'Phiên làm việc đã kết thúc: có người vừa đăng nhập vào quầy này trên một máy khác.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Đã hiểu' }));
    expect(onDismissNotice).toHaveBeenCalledOnce();
  });

  it('says how long the idle sign-out waited', () => {
    renderSignIn({ notice: { kind: 'idle', minutes: 30 } });
    expect(screen.getByTestId('session-notice').textContent).toContain(
      'Đã tự động đăng xuất sau 30 phút không thao tác.',
    );
  });

  it('shows a wrong PIN as a sentence, and cannot submit while offline', () => {
    renderSignIn({ error: translateErrorCode('vi', 'BAD_CREDENTIALS'), status: 'offline' });
    expect(screen.getByTestId('sign-in-error').textContent).toBe('Tên đăng nhập hoặc mã PIN không đúng.');
    expect(screen.getByText(/Mất kết nối với máy chủ/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Tên đăng nhập'), { target: { value: 'canbo1' } });
    fireEvent.change(screen.getByLabelText('Mã PIN'), { target: { value: '1234' } });
    expect(submit().disabled).toBe(true);
  });
});

describe('PairingScreen', () => {
  it('takes a six-digit code, in Vietnamese and English', () => {
    const onPair = vi.fn<(code: string) => void>();
    render(
      <PairingScreen
        hint="counter.pairing.terminalHint"
        device="counter.pairing.deviceTerminal"
        problem={null}
        isPairing={false}
        onPair={onPair}
      />,
    );
    expect(screen.getByRole('heading').textContent).toBe('Nhập mã ghép nốiEnter the pairing code');
    const input = screen.getByLabelText(/Mã ghép nối/);
    const button = screen.getByRole('button', { name: /Ghép nối/ });
    fireEvent.change(input, { target: { value: '12 34' } });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input, { target: { value: '123456789' } });
    expect((input as HTMLInputElement).value).toBe('123456');
    fireEvent.click(button);
    expect(onPair.mock.calls).toEqual([['123456']]);
  });

  it('explains a revoked device and a code for the wrong kind of device', () => {
    const { rerender } = render(
      <PairingScreen
        hint="counter.pairing.feedbackHint"
        device="counter.pairing.deviceFeedback"
        problem="counter.pairing.revoked"
        isPairing={false}
        onPair={vi.fn()}
      />,
    );
    expect(screen.getByTestId('pairing-problem').textContent).toContain(
      'Thiết bị đã bị thu hồi quyền kết nối.',
    );
    rerender(
      <PairingScreen
        hint="counter.pairing.feedbackHint"
        device="counter.pairing.deviceFeedback"
        problem="counter.pairing.wrongKind"
        isPairing={false}
        onPair={vi.fn()}
      />,
    );
    expect(screen.getByTestId('pairing-problem').textContent).toContain(
      'Vui lòng xin mã cho máy đánh giá tại quầy.',
    );
    expect(screen.getByTestId('pairing-problem').textContent).toContain('a counter feedback tablet');
  });
});
