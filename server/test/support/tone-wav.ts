/**
 * A 16-bit PCM WAV of `ms` milliseconds of a quiet tone at 16 kHz, as a hall would record a word
 * (`channels` 2 for a recording the server refuses).
 */
export function toneWav(ms: number, channels = 1): Buffer {
  const samples = Math.round((16_000 * ms) / 1000) * channels;
  const data = Buffer.alloc(samples * 2);
  for (let index = 0; index < samples; index += 1)
    data.writeInt16LE(Math.round(3000 * Math.sin(index / 5)), index * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(16_000 * 2 * channels, 28);
  header.writeUInt16LE(2 * channels, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
