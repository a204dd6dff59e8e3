import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import path from 'node:path';

/**
 * Give the calling thread the lowest CPU priority (nice 19), so that a report or a simulated day never
 * takes the CPU from the hall's main thread: on a 2-core hall PC a worker computing for seconds beside a
 * kiosk browser left the main thread waiting for a core 20–25 ms at a time (the report-stall bench saw
 * it as the event loop's delay, with nothing of the report on the main thread). When the hall is idle
 * the worker still gets every free cycle. Linux only: there a thread's nice value is its own
 * (`setpriority` with a thread id), and `/proc/thread-self` names the calling thread. On Windows Node
 * can set only the whole process's priority, so the worker keeps normal priority there. Returns the
 * thread id it lowered, or null.
 */
export function lowerThisThreadPriority(): number | null {
  if (process.platform !== 'linux') return null;
  let threadId: number;
  try {
    // "<pid>/task/<tid>"
    threadId = Number(path.basename(readlinkSync('/proc/thread-self')));
  } catch {
    return null;
  }
  if (!Number.isInteger(threadId) || threadId <= 0) return null;
  try {
    // PRIORITY_LOW is nice 19, the lowest there is.
    setPriority(threadId, constants.priority.PRIORITY_LOW);
  } catch {
    // A system that refuses it: the worker runs at normal priority, as on Windows.
    return null;
  }
  return threadId;
}
