#!/usr/bin/env node
// Generates the default Vietnamese voice clips of the hall display: one WAV per announcer token
// (VOICE_CLIP_NAMES in @luot/shared/text) plus the two-tone chime, and rewrites the clip table in
// docs/VOICE.md. A one-off tool, not run by CI; the generated files are committed.
//
// Needs espeak-ng and sox on PATH (Debian/Ubuntu: apt-get install -y espeak-ng sox). From the repo root:
//   pnpm exec tsx apps/display/scripts/make-voice.mjs
// tsx is needed because the token list is imported straight from shared's TypeScript source.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { CHIME_FILE_NAME, VOICE_CLIP_NAMES, clipFileName } from '../../../shared/src/text/index.ts';

const ESPEAK_VOICE = 'vi';
// 140 words per minute: slow enough for a noisy hall, fast enough that "số thứ tự" stays one breath.
const ESPEAK_SPEED = 140;
const SAMPLE_RATE = 16000;
// Silence below -60 dB (0.1 %) is trimmed: a higher threshold clips soft onsets such as the "m" of "mốt".
const SILENCE_THRESHOLD = '0.1%';
// A clip outside these bounds means espeak-ng misread the token; fail rather than ship it.
const MIN_SECONDS = 0.1;
const MAX_SECONDS = 1.5;
const MIN_RMS_DB = -40;

// What espeak-ng is given when the written token is not what it should say. "gi" alone is read as a
// bare consonant; "di" is the same sound (/zi/) with its vowel.
const SPOKEN_TEXT = new Map([['gi', 'di']]);

const here = path.dirname(fileURLToPath(import.meta.url));
const outputDirectory = path.resolve(here, '../voice/vi');
const docPath = path.resolve(here, '../../../docs/VOICE.md');
const TABLE_START = '<!-- clip-table:start -->';
const TABLE_END = '<!-- clip-table:end -->';

// -D: no dither, so regenerating gives byte-identical files and a clean git diff.
const SOX_OUTPUT = ['-D'];
const FORMAT = ['-r', String(SAMPLE_RATE), '-c', '1', '-b', '16', '-e', 'signed-integer'];

function run(command, args) {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function requireTools() {
  for (const [tool, args] of [
    ['espeak-ng', ['--version']],
    ['sox', ['--version']],
  ]) {
    try {
      run(tool, args);
    } catch {
      console.error(`make-voice: ${tool} is not installed (apt-get install -y espeak-ng sox).`);
      process.exit(1);
    }
  }
}

function measure(file) {
  // `sox --i -D` is `soxi -D` (soxi is a link to sox); the long form also works where soxi is not installed.
  const seconds = Number(run('sox', ['--i', '-D', file]).trim());
  // `sox FILE -n stats` prints its table on stderr.
  const stats = spawnSync('sox', [file, '-n', 'stats'], { encoding: 'utf8' }).stderr;
  const rmsLine = stats.split('\n').find((row) => row.startsWith('RMS lev dB'));
  const rmsDb = rmsLine === undefined ? Number.NaN : Number(rmsLine.trim().split(/\s+/).at(-1));
  return { seconds, bytes: statSync(file).size, rmsDb };
}

function makeClip(token, workDirectory) {
  const raw = path.join(workDirectory, 'raw.wav');
  const output = path.join(outputDirectory, clipFileName(token));
  const spoken = SPOKEN_TEXT.get(token) ?? token.replaceAll('-', ' ');
  run('espeak-ng', ['-v', ESPEAK_VOICE, '-s', String(ESPEAK_SPEED), '-w', raw, spoken]);
  // Trim leading silence, reverse, trim the (former) trailing silence, fade the tail in reverse, turn back,
  // fade the head: sox cannot fade out a stream whose length it does not know yet. Short fades stop clicks
  // when the display plays clips back to back. norm -1 evens out loudness between clips.
  run('sox', [
    ...SOX_OUTPUT,
    raw,
    ...FORMAT,
    output,
    'silence',
    '1',
    '0.01',
    SILENCE_THRESHOLD,
    'reverse',
    'silence',
    '1',
    '0.01',
    SILENCE_THRESHOLD,
    'fade',
    't',
    '0.01',
    'reverse',
    'fade',
    't',
    '0.005',
    'norm',
    '-1',
  ]);
  return output;
}

function makeChime(workDirectory) {
  // "Ding-dong": G5 then E5, each with a logarithmic decay like a struck bell, at -3 dB peak so the chime
  // is a little softer than the voice that follows.
  const tones = [
    ['ding.wav', '784'],
    ['dong.wav', '659.25'],
  ].map(([name, frequency]) => {
    const file = path.join(workDirectory, name);
    run('sox', [
      ...SOX_OUTPUT,
      '-n',
      ...FORMAT,
      file,
      'synth',
      '0.45',
      'sine',
      frequency,
      'fade',
      'l',
      '0.005',
      '0.45',
      '0.4',
    ]);
    return file;
  });
  const output = path.join(outputDirectory, CHIME_FILE_NAME);
  run('sox', [...SOX_OUTPUT, ...tones, ...FORMAT, output, 'norm', '-3']);
  return output;
}

async function updateDoc(rows) {
  const table = [
    '| Token | File | Duration (s) | Size (KB) | RMS (dB) |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.token} | \`${row.file}\` | ${row.seconds.toFixed(3)} | ${(row.bytes / 1024).toFixed(1)} | ` +
        `${row.rmsDb.toFixed(1)} |`,
    ),
  ].join('\n');
  const doc = readFileSync(docPath, 'utf8');
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start === -1 || end === -1 || end < start) {
    console.error(
      `make-voice: ${docPath} lacks the ${TABLE_START} … ${TABLE_END} markers; table not written.`,
    );
    console.log(table);
    return;
  }
  const updated = `${doc.slice(0, start + TABLE_START.length)}\n${table}\n${doc.slice(end)}`;
  // Formatted with the repo's Prettier settings so `prettier --check` passes right after a regeneration.
  const options = (await prettier.resolveConfig(docPath)) ?? {};
  writeFileSync(docPath, await prettier.format(updated, { ...options, filepath: docPath }));
}

async function main() {
  requireTools();
  mkdirSync(outputDirectory, { recursive: true });
  const expected = new Set([...VOICE_CLIP_NAMES.map(clipFileName), CHIME_FILE_NAME]);
  // Remove clips of tokens that no longer exist, so the folder is exactly the vocabulary.
  for (const file of readdirSync(outputDirectory)) {
    if (file.endsWith('.wav') && !expected.has(file)) rmSync(path.join(outputDirectory, file));
  }

  const workDirectory = mkdtempSync(path.join(tmpdir(), 'luot-voice-'));
  const rows = [];
  const problems = [];
  try {
    const made = [
      ...VOICE_CLIP_NAMES.map((token) => ({ token, output: makeClip(token, workDirectory) })),
      { token: '(chime)', output: makeChime(workDirectory) },
    ];
    for (const { token, output } of made) {
      const { seconds, bytes, rmsDb } = measure(output);
      rows.push({ token, file: path.basename(output), seconds, bytes, rmsDb });
      if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) problems.push(`${token}: ${seconds.toFixed(3)} s`);
      // NaN (no stats) fails this comparison too.
      if (!(rmsDb > MIN_RMS_DB)) problems.push(`${token}: RMS ${rmsDb} dB`);
    }
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }

  await updateDoc(rows);
  const totalBytes = rows.reduce((sum, row) => sum + row.bytes, 0);
  const longest = rows.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  console.log(
    `make-voice: ${rows.length} clips in ${path.relative(process.cwd(), outputDirectory)}, ` +
      `${(totalBytes / 1024).toFixed(0)} KB total, longest ${longest.token} ${longest.seconds.toFixed(3)} s`,
  );
  if (problems.length > 0) {
    console.error(`make-voice: suspicious clips:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
}

await main();
