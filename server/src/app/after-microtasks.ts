/**
 * Run `then` once every microtask already queued — and every microtask those queue in turn — has run,
 * still in this turn of the event loop: before any timer, I/O callback or `setImmediate`.
 *
 * How: a microtask queues a `process.nextTick`. Node drains the whole microtask queue (including the
 * microtasks queued while draining it) before it looks at the next-tick queue again, so the tick runs
 * after every promise chain that was already moving, however many `await`s deep. The hall's acks are
 * such chains (the commit's resolve → `answerOnce` → the socket handler's `.then` → `ack`), and its
 * broadcast must follow them without waiting a whole turn, during which other sockets' commands are read
 * and decided first.
 */
export function afterPendingMicrotasks(then: () => void): void {
  queueMicrotask(() => process.nextTick(then));
}
