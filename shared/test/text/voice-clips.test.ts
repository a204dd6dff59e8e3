/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CHIME_FILE_NAME,
  LETTER_NAMES,
  LETTER_WORDS,
  NUMBER_WORDS,
  PHRASE_WORDS,
  VOICE_CLIP_NAMES,
  clipFileName,
  isVoiceClipName,
} from '../../src/text/index.ts';

describe('VOICE_CLIP_NAMES', () => {
  it('lists each token once', () => {
    expect(new Set(VOICE_CLIP_NAMES).size).toBe(VOICE_CLIP_NAMES.length);
  });

  it('is exactly the phrases, the number words and the letter names', () => {
    expect([...VOICE_CLIP_NAMES].sort()).toEqual([...PHRASE_WORDS, ...NUMBER_WORDS, ...LETTER_WORDS].sort());
    expect([...LETTER_WORDS].sort()).toEqual([...new Set(Object.values(LETTER_NAMES))].sort());
  });

  it('gives every letter its own name, so no two prefixes sound the same', () => {
    expect(new Set(Object.values(LETTER_NAMES)).size).toBe(Object.keys(LETTER_NAMES).length);
  });

  it('recognises tokens and nothing else', () => {
    expect(isVoiceClipName('số thứ tự')).toBe(true);
    expect(isVoiceClipName('số thứ')).toBe(false);
    expect(isVoiceClipName('Mời')).toBe(false);
  });
});

describe('clipFileName', () => {
  it.each([
    ['công dân', 'cong-dan.wav'],
    ['mốt', 'mot-sac.wav'],
    ['một', 'mot-nang.wav'],
    ['mười', 'muoi-huyen.wav'],
    ['mươi', 'muoi.wav'],
    ['số thứ tự', 'so-sac-thu-sac-tu-nang.wav'],
    ['đến', 'dden-sac.wav'],
    ['đê', 'dde.wav'],
    ['dê', 'de.wav'],
    ['lẻ', 'le-hoi.wav'],
    ['tỷ', 'ty-hoi.wav'],
    ['e-lờ', 'e-lo-huyen.wav'],
    ['ích-xì', 'ich-sac-xi-huyen.wav'],
  ] as const)('%s → %s', (token, fileName) => {
    expect(clipFileName(token)).toBe(fileName);
  });

  it('gives every token a unique, portable ASCII file name', () => {
    const names = VOICE_CLIP_NAMES.map(clipFileName);
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*\.wav$/);
    expect(new Set([...names, CHIME_FILE_NAME]).size).toBe(names.length + 1);
  });
});

/** The format fields of a RIFF/WAVE file, read from its chunks. */
function readWavFormat(bytes: Buffer): {
  format: number;
  channels: number;
  sampleRate: number;
  bits: number;
  dataBytes: number;
} {
  expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
  expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
  let offset = 12;
  let format: { format: number; channels: number; sampleRate: number; bits: number } | undefined;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      format = {
        format: bytes.readUInt16LE(offset + 8),
        channels: bytes.readUInt16LE(offset + 10),
        sampleRate: bytes.readUInt32LE(offset + 12),
        bits: bytes.readUInt16LE(offset + 22),
      };
    }
    if (id === 'data' && format !== undefined) return { ...format, dataBytes: size };
    offset += 8 + size + (size % 2);
  }
  throw new Error('no fmt/data chunk');
}

describe('the default clips in apps/display/voice/vi', () => {
  const directory = fileURLToPath(new URL('../../../apps/display/voice/vi/', import.meta.url));
  const expected = [...VOICE_CLIP_NAMES.map(clipFileName), CHIME_FILE_NAME].sort();

  it('hold exactly one file per token, plus the chime (regenerate with make-voice.mjs)', () => {
    expect(readdirSync(directory).sort()).toEqual(expected);
  });

  it('are mono 16-bit PCM at 16 kHz, between 0.1 s and 1.5 s long', () => {
    for (const file of expected) {
      const wav = readWavFormat(readFileSync(`${directory}${file}`));
      expect({
        file,
        format: wav.format,
        channels: wav.channels,
        sampleRate: wav.sampleRate,
        bits: wav.bits,
      }).toEqual({
        file,
        format: 1,
        channels: 1,
        sampleRate: 16_000,
        bits: 16,
      });
      const seconds = wav.dataBytes / (wav.sampleRate * 2);
      expect(seconds, file).toBeGreaterThan(0.1);
      expect(seconds, file).toBeLessThan(1.5);
    }
  });
});
