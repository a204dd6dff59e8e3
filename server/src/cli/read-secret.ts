import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Ask for a secret (a password, a PIN) and answer what was typed, without a trailing newline. */
export type ReadSecret = (prompt: string) => Promise<string>;

/**
 * Secrets from the terminal, typed without echo; from a pipe (an install script:
 * `printf '%s\n%s\n' "$PW" "$PW" | luot init-manager admin`), one line per question. A secret never goes
 * on the command line, where the shell history and the process list would keep it.
 */
export function terminalSecretReader(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): { readSecret: ReadSecret; close: () => void } {
  const isTerminal = input.isTTY === true;
  // What readline echoes goes nowhere: the prompt is written to stderr by hand.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input, output: silent, terminal: isTerminal });
  const waiting: ((line: string | null) => void)[] = [];
  const buffered: string[] = [];
  let isClosed = false;
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else buffered.push(line);
  });
  lines.on('close', () => {
    isClosed = true;
    for (const next of waiting.splice(0)) next(null);
  });
  return {
    readSecret: async (prompt) => {
      output.write(prompt);
      const line =
        buffered.shift() ??
        (isClosed ? null : await new Promise<string | null>((resolve) => waiting.push(resolve)));
      if (isTerminal) output.write('\n');
      if (line === null) throw new Error('no input: type the secret, or pipe it in one line per question');
      return line;
    },
    close: () => lines.close(),
  };
}
