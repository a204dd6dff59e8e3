// What makes a clerk's PIN or a manager's password too easy to guess. One set of rules for the server
// (which refuses), the CLI and the apps (which explain before sending), so every place says the same.

/** The shortest and longest PIN (digits only). */
export const PIN_LENGTH = { min: 4, max: 8 } as const;
/** The shortest and longest manager password. */
export const PASSWORD_LENGTH = { min: 10, max: 200 } as const;

/** Why a PIN is refused; each has catalog text `credential.pin.<problem>`. */
export type PinProblem = 'format' | 'repeated' | 'sequence' | 'common';

/** Why a password is refused; each has catalog text `credential.password.<problem>`. */
export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'like-username' | 'same-as-current';

/**
 * PINs people pick when told "four to eight digits", beyond the repeats and runs found by rule: years,
 * keypad shapes and the favourites of leaked PIN lists.
 */
// prettier-ignore
const COMMON_PINS = new Set([
  '1004', '1010', '1111', '1122', '1212', '1313', '1984', '2000', '2001', '2002', '2020', '2021',
  '2022', '2023', '2024', '2025', '2026', '2468', '2580', '1357', '1397', '6969', '7777', '8520',
  '1478', '3698', '9632', '1236', '1590', '0852', '2587', '4444', '5683', '0007', '0101', '1230',
  '112233', '121212', '123123', '123321', '147258', '159753', '258369', '520520', '666888', '668899',
  '686868', '696969', '789456', '888888', '999999', '11223344', '12121212', '12341234', '19001900',
]);

/**
 * Passwords from the top of every leaked-password list (8 characters and more), and the Vietnamese
 * favourites; compared after lower-casing and dropping a trailing run of digits and symbols, so that
 * `Matkhau@2026` counts as `matkhau`.
 */
// prettier-ignore
const COMMON_PASSWORD_STEMS = new Set([
  'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'admin', 'administrator', 'qwerty', 'qwertyuiop',
  'qwertyui', 'asdfghjkl', 'asdfghjk', 'zxcvbnm', 'iloveyou', 'letmein', 'welcome', 'abc', 'abcd',
  'abcdef', 'abcdefgh', 'abcdefghij', '1qaz2wsx', '1q2w3e4r', '1q2w3e4r5t', 'zaq12wsx', 'qazwsx',
  'matkhau', 'mat khau', 'anhyeuem', 'emyeuanh', 'yeuem', 'iloveu', 'vietnam', 'hanoi', 'saigon',
  'hochiminh', 'luot', 'trungtam', 'motcua', 'hanhchinh', 'hanhchinhcong', 'ubnd', 'changeme',
  'default', 'secret', 'master', 'monkey', 'dragon', 'football', 'sunshine', 'princess', 'superman',
  'batman', 'trustno', 'whatever', 'computer', 'internet', 'manager', 'quanly', 'canbo',
]);

/** Whether each digit is one more (or one less, cyclically 9→0) than the one before: 1234, 8901, 4321. */
function isDigitRun(pin: string): boolean {
  const step = (index: number): number => (Number(pin[index]) - Number(pin[index - 1]) + 10) % 10;
  const first = step(1);
  if (first !== 1 && first !== 9) return false;
  for (let index = 2; index < pin.length; index += 1) if (step(index) !== first) return false;
  return true;
}

/** Whether the text is one shorter piece said again and again: 1212, 123123, abcabcabc. */
function isRepetition(text: string): boolean {
  for (let size = 1; size <= text.length / 2; size += 1) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text) return true;
  }
  return false;
}

/**
 * Why a clerk's PIN is refused, or null when it is acceptable: 4–8 digits, not one digit repeated
 * (0000), not a run (1234, 9876, 8901), not a pattern repeated (1212, 123123), not a common PIN (2580,
 * a recent year).
 */
export function pinProblem(pin: string): PinProblem | null {
  if (!/^[0-9]+$/.test(pin) || pin.length < PIN_LENGTH.min || pin.length > PIN_LENGTH.max) return 'format';
  if (/^(.)\1+$/.test(pin)) return 'repeated';
  if (isDigitRun(pin)) return 'sequence';
  if (COMMON_PINS.has(pin) || isRepetition(pin)) return 'common';
  return null;
}

/**
 * Why a manager's new password is refused, or null when it is acceptable: 10–200 characters, not a
 * common password (12345678, Matkhau@2026), not only one character or a run of digits or letters, not
 * the username in any form, not the current password.
 */
export function passwordProblem(
  password: string,
  context: { readonly username: string; readonly currentPassword?: string },
): PasswordProblem | null {
  if (password.length < PASSWORD_LENGTH.min) return 'too-short';
  if (password.length > PASSWORD_LENGTH.max) return 'too-long';
  if (context.currentPassword !== undefined && password === context.currentPassword) return 'same-as-current';
  const lower = password.toLowerCase().normalize('NFC');
  const compact = lower.replace(/[\s._@!#$%^&*()+=-]/g, '');
  const username = context.username
    .toLowerCase()
    .normalize('NFC')
    .replace(/[\s._@-]/g, '');
  if (username.length > 0 && (compact.includes(username) || username.includes(compact)))
    return 'like-username';
  const stem = lower.replace(/[0-9\s!@#$%^&*()_+=.,;:?~-]+$/, '');
  if (stem === '' || COMMON_PASSWORD_STEMS.has(stem)) return 'common';
  if (/^(.)\1+$/.test(compact) || isRepetition(compact)) return 'common';
  if (/^[0-9]+$/.test(compact) && (isDigitRun(compact) || compact.length < 12)) return 'common';
  if (/^[a-z]+$/.test(compact) && isLetterRun(compact)) return 'common';
  return null;
}

/** abcdefghij, zyxwvuts: letters that only step through the alphabet. */
function isLetterRun(text: string): boolean {
  const step = text.charCodeAt(1) - text.charCodeAt(0);
  if (step !== 1 && step !== -1) return false;
  for (let index = 2; index < text.length; index += 1) {
    if (text.charCodeAt(index) - text.charCodeAt(index - 1) !== step) return false;
  }
  return true;
}
