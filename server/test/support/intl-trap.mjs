// Loaded with `node --import` into a server process under test: every Intl object the process builds, and
// every locale-aware call that builds one inside V8, is appended to the file LUOT_INTL_TRAP_FILE names
// (its kind, arguments and the calling frames). The hall server is meant to build none: its zone comes
// from a table (src/zone-tables.ts), and the first Intl object costs a process ≈ 5 MB of RSS.
import { appendFileSync } from 'node:fs';

const file = process.env.LUOT_INTL_TRAP_FILE;
if (!file) throw new Error('intl-trap.mjs needs LUOT_INTL_TRAP_FILE');

const record = (what, args) => {
  const frames = (new Error().stack ?? '').split('\n').slice(3, 7).join('\n');
  appendFileSync(file, `${what} ${JSON.stringify(args)}\n${frames}\n`);
};

for (const name of [
  'DateTimeFormat',
  'NumberFormat',
  'Collator',
  'Segmenter',
  'PluralRules',
  'RelativeTimeFormat',
  'ListFormat',
  'DisplayNames',
]) {
  const Original = Intl[name];
  const Trapped = function (...args) {
    record(`Intl.${name}`, args);
    return new Original(...args);
  };
  Trapped.prototype = Original.prototype;
  Object.setPrototypeOf(Trapped, Original);
  Intl[name] = Trapped;
}
for (const [owner, label, method] of [
  [String.prototype, 'String', 'localeCompare'],
  [Number.prototype, 'Number', 'toLocaleString'],
  [Date.prototype, 'Date', 'toLocaleString'],
  [Date.prototype, 'Date', 'toLocaleDateString'],
  [Date.prototype, 'Date', 'toLocaleTimeString'],
]) {
  const original = owner[method];
  owner[method] = function (...args) {
    record(`${label}.${method}`, args);
    return original.apply(this, args);
  };
}
