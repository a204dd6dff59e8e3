import { pinProblem } from '@luot/shared/domain';

/** How many digits a PIN made by the console has (the server accepts 4–8). */
export const NEW_PIN_LENGTH = 6;

/**
 * A PIN no one can guess from the clerk or the hall: random digits from the browser's cryptographic
 * generator, drawn again until the shared PIN rule (`pinProblem`, the one the server applies) accepts
 * them, so the console never offers a PIN the server refuses as WEAK_PIN (121212, 123456, 111111).
 * The clerk replaces it at first sign-in anyway; it only has to be safe until then.
 */
export function newClerkPin(
  fillRandom: (bytes: Uint32Array) => Uint32Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  for (;;) {
    const pin = Array.from(fillRandom(new Uint32Array(NEW_PIN_LENGTH)), (value) => value % 10).join('');
    if (pinProblem(pin) === null) return pin;
  }
}
