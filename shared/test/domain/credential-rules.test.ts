import { describe, expect, it } from 'vitest';
import { passwordProblem, pinProblem } from '../../src/domain/credential-rules.ts';
import { passwordProblemText, pinProblemText } from '../../src/text/credential-text.ts';

describe('weak PINs are refused', () => {
  it.each([
    ['0000', 'repeated'],
    ['99999999', 'repeated'],
    ['1234', 'sequence'],
    ['0123', 'sequence'],
    ['4321', 'sequence'],
    ['7890', 'sequence'],
    ['12345678', 'sequence'],
    ['1212', 'common'],
    ['123123', 'common'],
    ['2580', 'common'],
    ['2026', 'common'],
    ['12a4', 'format'],
    ['123', 'format'],
    ['123456789', 'format'],
  ] as const)('%s: %s', (pin, problem) => {
    expect(pinProblem(pin)).toBe(problem);
  });

  it.each(['4829', '73915', '602814', '5173'])('%s is accepted', (pin) => {
    expect(pinProblem(pin)).toBeNull();
  });

  it('every problem has Vietnamese and English text', () => {
    for (const problem of ['format', 'repeated', 'sequence', 'common', 'same'] as const) {
      expect(pinProblemText('vi', problem)).toMatch(/mã PIN/i);
      expect(pinProblemText('en', problem)).toMatch(/PIN/);
    }
  });
});

describe('weak passwords are refused', () => {
  const manager = { username: 'quanly' };
  it.each([
    ['12345678', 'too-short'],
    ['admin', 'too-short'],
    ['1234567890', 'common'],
    ['123456789012', 'common'],
    ['password2026', 'common'],
    ['Matkhau@2026', 'common'],
    ['qwertyuiop', 'common'],
    ['abcdefghijk', 'common'],
    ['zzzzzzzzzzzz', 'common'],
    ['abcabcabcabc', 'common'],
    ['Quanly-2026!', 'like-username'],
    ['quan.ly.2026', 'like-username'],
  ] as const)('%s: %s', (password, problem) => {
    expect(passwordProblem(password, manager)).toBe(problem);
  });

  it('the current password cannot be chosen again', () => {
    expect(passwordProblem('Sen-Hong-2026', { ...manager, currentPassword: 'Sen-Hong-2026' })).toBe(
      'same-as-current',
    );
  });

  it.each(['Sen-Hong-2026', 'hoa sen nở muộn', 'mat-khau-moi-2026', 'T7#kq2!vLp'])(
    '%s is accepted',
    (password) => {
      expect(passwordProblem(password, manager)).toBeNull();
    },
  );

  it('the too-short text names the minimum', () => {
    expect(passwordProblemText('vi', 'too-short')).toBe('Mật khẩu cần ít nhất 10 ký tự.');
  });
});
