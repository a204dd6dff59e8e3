/** What the announcer can play from a hall's recording: a short mono 16-bit PCM WAV. */
export interface WavSummary {
  readonly sampleRate: number;
  readonly durationMs: number;
}

/** Shortest and longest recording of one word or phrase. */
const MIN_DURATION_MS = 80;
const MAX_DURATION_MS = 3_000;

/**
 * Check a recorded clip before it is stored: RIFF/WAVE, PCM (format 1), one channel, 16 bits, 8–48 kHz,
 * with a data chunk of 0.08–3 s. Returns why not in plain English (for the log and the console), or the
 * clip's rate and length.
 */
export function checkWav(bytes: Buffer): { ok: true; value: WavSummary } | { ok: false; problem: string } {
  if (
    bytes.length < 44 ||
    bytes.toString('ascii', 0, 4) !== 'RIFF' ||
    bytes.toString('ascii', 8, 12) !== 'WAVE'
  )
    return { ok: false, problem: 'not a WAV file' };
  let offset = 12;
  let format: { channels: number; sampleRate: number; bits: number; audioFormat: number } | undefined;
  let dataBytes: number | undefined;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      format = {
        audioFormat: bytes.readUInt16LE(body),
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        bits: bytes.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      dataBytes = Math.min(size, bytes.length - body);
      break;
    }
    offset = body + size + (size % 2);
  }
  if (!format) return { ok: false, problem: 'the WAV file has no format chunk' };
  if (format.audioFormat !== 1 || format.bits !== 16) return { ok: false, problem: 'not 16-bit PCM' };
  if (format.channels !== 1) return { ok: false, problem: 'not mono' };
  if (format.sampleRate < 8_000 || format.sampleRate > 48_000)
    return { ok: false, problem: `sample rate ${format.sampleRate} Hz is not 8–48 kHz` };
  if (dataBytes === undefined) return { ok: false, problem: 'the WAV file has no sound data' };
  const durationMs = (dataBytes / 2 / format.sampleRate) * 1000;
  if (durationMs < MIN_DURATION_MS || durationMs > MAX_DURATION_MS)
    return { ok: false, problem: `a clip lasts 0.08–3 s, this one ${(durationMs / 1000).toFixed(2)} s` };
  return { ok: true, value: { sampleRate: format.sampleRate, durationMs } };
}
