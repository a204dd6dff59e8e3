import type { PasswordProblem, PinProblem } from '../domain/credential-rules.ts';
import { PASSWORD_LENGTH } from '../domain/credential-rules.ts';
import type { Locale } from './catalog.ts';
import { translate } from './catalog.ts';

/** Why a PIN is refused, in words a clerk can act on (`pinProblem`'s answer, or `same` for an unchanged PIN). */
export function pinProblemText(locale: Locale, problem: PinProblem | 'same'): string {
  return translate(locale, `credential.pin.${problem}`);
}

/** Why a password is refused, in words a manager can act on (`passwordProblem`'s answer). */
export function passwordProblemText(locale: Locale, problem: PasswordProblem): string {
  switch (problem) {
    case 'too-short':
      return translate(locale, 'credential.password.too-short', { min: PASSWORD_LENGTH.min });
    case 'too-long':
      return translate(locale, 'credential.password.too-long', { max: PASSWORD_LENGTH.max });
    case 'common':
    case 'like-username':
    case 'same-as-current':
      return translate(locale, `credential.password.${problem}`);
  }
}
