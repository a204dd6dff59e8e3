import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PinChangeForm } from '../src/PinChangeForm.tsx';

afterEach(cleanup);

// Issue 15: a PIN the manager set is replaced by the clerk's own at the first sign-in, with the same
// weak-PIN rules as the server, said in Vietnamese before anything is sent.

function renderForm() {
  const onChangePin = vi.fn<(newPin: string) => void>();
  const onCancel = vi.fn();
  render(
    <PinChangeForm
      username="canbo4"
      locale="vi"
      isOnline
      isWorking={false}
      error={null}
      onChangePin={onChangePin}
      onCancel={onCancel}
    />,
  );
  return { onChangePin, onCancel };
}

const submit = (): HTMLButtonElement => screen.getByRole('button', { name: 'Lưu mã PIN mới và đăng nhập' });

describe('PinChangeForm', () => {
  it('says why, refuses weak PINs as they are typed, and sends a strong one typed twice', () => {
    const { onChangePin } = renderForm();
    expect(screen.getByRole('heading').textContent).toBe('Đặt mã PIN mới');
    expect(screen.getByTestId('pin-change-intro').textContent).toContain('canbo4');
    const newPin = screen.getByLabelText('Mã PIN mới');
    const repeat = screen.getByLabelText('Nhập lại mã PIN mới');
    fireEvent.change(newPin, { target: { value: '1234' } });
    fireEvent.change(repeat, { target: { value: '1234' } });
    expect(screen.getByRole('alert').textContent).toContain('dãy số liên tiếp');
    expect(submit().disabled).toBe(true);
    fireEvent.change(newPin, { target: { value: '0000' } });
    expect(screen.getByRole('alert').textContent).toContain('lặp lại');
    fireEvent.change(newPin, { target: { value: '73915' } });
    fireEvent.change(repeat, { target: { value: '73916' } });
    expect(screen.getByRole('alert').textContent).toBe('Hai mã PIN mới không khớp.');
    fireEvent.change(repeat, { target: { value: '73915' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(submit());
    expect(onChangePin.mock.calls).toEqual([['73915']]);
  });

  it('goes back to the sign-in form', () => {
    const { onCancel } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Quay lại' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
