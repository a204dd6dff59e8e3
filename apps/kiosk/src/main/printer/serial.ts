/**
 * Run asynchronous jobs one at a time, in the order they were given; a job that fails does not stop the
 * ones after it. A printer takes one job at a time: two taps on the kiosk must never interleave bytes.
 */
export function createSerialRunner(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = tail.then(job);
    tail = run.catch(() => undefined);
    return run;
  };
}
