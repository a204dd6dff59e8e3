// A child process of the hall server's start (zone-tables.ts): prints a time zone's offsets to UTC over a
// span of time as JSON. It asks ICU through Intl here, in a process of its own, so that the server builds
// no Intl.DateTimeFormat: the first one costs the server 5–7 MB of RSS (docs/BENCHMARKS.md, "Memory: ICU").
//   node zone-transitions.mjs <zone> <fromMs> <toMs>   exit 0: the table on stdout; exit 2: unknown zone
import { computeZoneTransitions } from '@luot/shared/domain';

const [timeZone = '', from = '', to = ''] = process.argv.slice(2);
const fromMs = Number(from);
const toMs = Number(to);
if (!Number.isSafeInteger(fromMs) || !Number.isSafeInteger(toMs) || fromMs >= toMs) {
  process.stderr.write('usage: zone-transitions <zone> <fromMs> <toMs> (whole ms, from before to)\n');
  process.exit(1);
}
let table;
try {
  table = computeZoneTransitions(timeZone, fromMs, toMs);
} catch (error) {
  if (!(error instanceof RangeError)) throw error;
  process.stderr.write(`unknown time zone ${timeZone}\n`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(table));
