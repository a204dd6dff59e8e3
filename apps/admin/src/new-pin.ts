/** How many digits a PIN made by the console has (the server accepts 4–8). */
export const NEW_PIN_LENGTH = 6;

/**
 * A PIN no one can guess from the clerk or the hall: random digits from the browser's cryptographic
 * generator, never all one digit nor a run up or down (111111, 123456, 654321 are the first PINs anyone
 * tries). The clerk replaces it at first sign-in anyway; it only has to be safe until then.
 */
export function newClerkPin(
  fillRandom: (bytes: Uint32Array) => Uint32Array = (bytes) => crypto.getRandomValues(bytes),
): string {
  for (;;) {
    const digits = Array.from(fillRandom(new Uint32Array(NEW_PIN_LENGTH)), (value) => value % 10);
    if (!isGuessablePin(digits)) return digits.join('');
  }
}

/** All one digit, or each digit one more (or one less) than the one before. */
export function isGuessablePin(digits: readonly number[]): boolean {
  const steps = new Set(digits.slice(1).map((digit, index) => digit - digits[index]!));
  return steps.size === 1 && [0, 1, -1].some((step) => steps.has(step));
}
