import { buildCallAnnouncement } from '@luot/shared/text';
import { describe, expect, it } from 'vitest';
import { CLIP_GAPS, pausesAfterWords, planClips, scheduleClips } from '../src/clip-plan.ts';

const a012 = buildCallAnnouncement({ ticketNumber: 'A012', counterNumber: 5, style: 'by-character' });

describe('planClips', () => {
  it('plays a phrase the hall recorded itself as one clip, pausing at the comma of the sentence', () => {
    const sentence = buildCallAnnouncement({
      ticketNumber: 'B7',
      counterNumber: 2,
      style: 'by-character',
      template: 'Tổ chức, cá nhân có số {ticket} đến quầy {counter}',
      customWords: ['tổ chức cá nhân'],
    });
    const plan = planClips(sentence, { repeat: 1 });
    expect(plan[1]?.file).toBe('to-hoi-chuc-sac-ca-sac-nhan.wav');
    // "B, bảy," are still spelt apart: the phrase's inner comma did not confuse the pauses.
    expect(pausesAfterWords(sentence)).toEqual([false, false, false, true, true, false, false, false]);
  });

  it('turns the default call into clip URLs: chime first, then every word in order', () => {
    const plan = planClips(a012, { repeat: 1 });
    expect(plan.map((step) => step.url)).toEqual([
      '/voice/chime.wav',
      '/voice/moi-huyen.wav',
      '/voice/cong-dan.wav',
      '/voice/co-sac.wav',
      '/voice/so-sac-thu-sac-tu-nang.wav',
      '/voice/a.wav',
      '/voice/khong.wav',
      '/voice/mot-nang.wav',
      '/voice/hai.wav',
      '/voice/dden-sac.wav',
      '/voice/quay-huyen.wav',
      '/voice/so-sac.wav',
      '/voice/nam.wav',
    ]);
  });

  it('pauses at the commas of the sentence and nowhere else, and ends in silence', () => {
    const gaps = planClips(a012, { repeat: 1 }).map((step) => step.gapAfterMs);
    const { afterChimeMs: chime, betweenWordsMs: word, commaMs: comma } = CLIP_GAPS;
    //            chime  mời   công dân có   số thứ tự a      không  một    hai    đến   quầy  số    năm
    expect(gaps).toEqual([chime, word, word, word, word, comma, comma, comma, comma, word, word, word, 0]);
  });

  it('says the sentence `repeat` times after a single chime, with a pause between repetitions', () => {
    const plan = planClips(a012, { repeat: 2 });
    const files = plan.map((step) => step.file);
    expect(files.filter((file) => file === 'chime.wav')).toHaveLength(1);
    expect(plan).toHaveLength(1 + 2 * a012.words.length);
    expect(files.slice(1, 1 + a012.words.length)).toEqual(files.slice(1 + a012.words.length));
    expect(plan[a012.words.length]?.gapAfterMs).toBe(CLIP_GAPS.betweenRepeatsMs);
    expect(plan.at(-1)?.gapAfterMs).toBe(0);
  });

  it('clamps the repeat count to 1–3', () => {
    expect(planClips(a012, { repeat: 0 })).toHaveLength(1 + a012.words.length);
    expect(planClips(a012, { repeat: 9 })).toHaveLength(1 + 3 * a012.words.length);
  });

  it('serves from another base and escapes nothing that is already ASCII', () => {
    expect(planClips(a012, { repeat: 1, baseUrl: '/hall-voice/' })[0]?.url).toBe('/hall-voice/chime.wav');
  });

  it('reads two-letter prefixes and a custom template, pausing where the template writes a comma', () => {
    const sentence = buildCallAnnouncement({
      ticketNumber: 'LS105',
      counterNumber: 24,
      style: 'whole-number',
      template: 'Xin mời quý khách số {ticket}, tới quầy {counter}.',
    });
    const plan = planClips(sentence, { repeat: 1 });
    expect(plan.map((step) => step.file)).toEqual([
      'chime.wav',
      'xin.wav',
      'moi-huyen.wav',
      'quy-sac-khach-sac.wav',
      'so-sac.wav',
      'e-lo-huyen.wav',
      'et-sac-xi-huyen.wav',
      'mot-nang.wav',
      'tram.wav',
      'linh.wav',
      'nam.wav',
      'toi-sac.wav',
      'quay-huyen.wav',
      'hai.wav',
      'muoi.wav',
      'tu.wav',
    ]);
    // Only "năm" (the end of the ticket) is followed by the template's comma.
    expect(pausesAfterWords(sentence)).toEqual(
      sentence.words.map((word, index) => word === 'năm' && index === 9),
    );
  });

  it('falls back to even gaps when the text and the words do not line up', () => {
    expect(pausesAfterWords({ text: 'something else entirely', words: ['mời', 'số'] })).toEqual([
      false,
      false,
    ]);
  });
});

describe('scheduleClips', () => {
  it('places each clip when the previous one ended plus its gap', () => {
    const plan = planClips(
      buildCallAnnouncement({ ticketNumber: 'B7', counterNumber: 1, style: 'by-character' }),
      {
        repeat: 1,
      },
    );
    const { clips, endAt } = scheduleClips(plan, (url) => (url.endsWith('chime.wav') ? 0.9 : 0.3), 10);
    expect(clips[0]).toEqual({ url: '/voice/chime.wav', at: 10, duration: 0.9 });
    for (let index = 1; index < clips.length; index += 1) {
      const previous = clips[index - 1]!;
      const gap = plan[index - 1]!.gapAfterMs / 1000;
      expect(clips[index]!.at).toBeCloseTo(previous.at + previous.duration + gap, 9);
    }
    expect(endAt).toBeCloseTo(clips.at(-1)!.at + 0.3, 9);
    // Nothing overlaps: every clip starts at or after the end of the one before.
    expect(
      clips.every(
        (clip, index) => index === 0 || clip.at >= clips[index - 1]!.at + clips[index - 1]!.duration,
      ),
    ).toBe(true);
  });
});
