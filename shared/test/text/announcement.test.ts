import fc from 'fast-check';
import { DEFAULT_ANNOUNCEMENT } from '../../src/domain/index.ts';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CALL_TEMPLATE,
  LETTER_NAMES,
  VOICE_CLIP_NAMES,
  buildCallAnnouncement,
  checkCallTemplate,
  clipFileName,
  speakabilityProblems,
  formatCallSubtitle,
  parseTicketNumber,
  readNumberVi,
  type CallReadingStyle,
} from '../../src/text/index.ts';

const OPENING = ['mời', 'công dân', 'có', 'số thứ tự'] as const;

describe('buildCallAnnouncement, default template', () => {
  const cases: readonly (readonly [
    ticketNumber: string,
    counterNumber: number,
    style: CallReadingStyle,
    text: string,
    ticketWords: readonly string[],
    counterWords: readonly string[],
  ])[] = [
    [
      'A012',
      5,
      'by-character',
      'Mời công dân có số thứ tự A, không, một, hai, đến quầy số năm',
      ['a', 'không', 'một', 'hai'],
      ['năm'],
    ],
    [
      'A012',
      5,
      'whole-number',
      'Mời công dân có số thứ tự A mười hai, đến quầy số năm',
      ['a', 'mười', 'hai'],
      ['năm'],
    ],
    [
      'B001',
      21,
      'by-character',
      'Mời công dân có số thứ tự B, không, không, một, đến quầy số hai mươi mốt',
      ['bê', 'không', 'không', 'một'],
      ['hai', 'mươi', 'mốt'],
    ],
    [
      'B001',
      21,
      'whole-number',
      'Mời công dân có số thứ tự B một, đến quầy số hai mươi mốt',
      ['bê', 'một'],
      ['hai', 'mươi', 'mốt'],
    ],
    [
      'AB105',
      15,
      'by-character',
      'Mời công dân có số thứ tự A, B, một, không, năm, đến quầy số mười lăm',
      ['a', 'bê', 'một', 'không', 'năm'],
      ['mười', 'lăm'],
    ],
    [
      'AB105',
      15,
      'whole-number',
      'Mời công dân có số thứ tự A B một trăm linh năm, đến quầy số mười lăm',
      ['a', 'bê', 'một', 'trăm', 'linh', 'năm'],
      ['mười', 'lăm'],
    ],
    [
      'C1000',
      24,
      'by-character',
      'Mời công dân có số thứ tự C, một, không, không, không, đến quầy số hai mươi tư',
      ['xê', 'một', 'không', 'không', 'không'],
      ['hai', 'mươi', 'tư'],
    ],
    [
      'C1000',
      24,
      'whole-number',
      'Mời công dân có số thứ tự C một nghìn, đến quầy số hai mươi tư',
      ['xê', 'một', 'nghìn'],
      ['hai', 'mươi', 'tư'],
    ],
  ];

  it.each(cases)(
    '%s at counter %d, %s',
    (ticketNumber, counterNumber, style, text, ticketWords, counterWords) => {
      const announcement = buildCallAnnouncement({ ticketNumber, counterNumber, style });
      expect(announcement.text).toBe(text);
      expect(announcement.words).toEqual([...OPENING, ...ticketWords, 'đến', 'quầy', 'số', ...counterWords]);
    },
  );

  it('matches the brief’s example word for word', () => {
    expect(buildCallAnnouncement({ ticketNumber: 'A012', counterNumber: 5, style: 'by-character' })).toEqual({
      text: 'Mời công dân có số thứ tự A, không, một, hai, đến quầy số năm',
      words: ['mời', 'công dân', 'có', 'số thứ tự', 'a', 'không', 'một', 'hai', 'đến', 'quầy', 'số', 'năm'],
    });
  });

  it('passes the reading options to both numbers', () => {
    const announcement = buildCallAnnouncement({
      ticketNumber: 'D1005',
      counterNumber: 24,
      style: 'whole-number',
      zeroTens: 'lẻ',
      four: 'bốn',
      thousand: 'ngàn',
    });
    expect(announcement.text).toBe(
      'Mời công dân có số thứ tự D một ngàn không trăm lẻ năm, đến quầy số hai mươi bốn',
    );
    expect(announcement.words.slice(4, 5)).toEqual(['dê']);
  });

  it('accepts lower case, Đ and prefix-less numbers', () => {
    expect(
      buildCallAnnouncement({ ticketNumber: 'a7', counterNumber: 1, style: 'by-character' }).words,
    ).toContain('a');
    expect(
      buildCallAnnouncement({ ticketNumber: 'Đ01', counterNumber: 1, style: 'by-character' }).text,
    ).toContain('Đ, không, một,');
    expect(parseTicketNumber('042')).toEqual({ letters: [], digits: '042' });
  });

  it.each(['', 'A', 'ABC1', 'A-12', 'Ă12', 'A12B', '1234567890123'])(
    'rejects ticket number %j',
    (ticketNumber) => {
      expect(() => buildCallAnnouncement({ ticketNumber, counterNumber: 1, style: 'by-character' })).toThrow(
        RangeError,
      );
    },
  );

  it.each([-1, 2.5, Number.NaN])('rejects counter number %s', (counterNumber) => {
    expect(() =>
      buildCallAnnouncement({ ticketNumber: 'A001', counterNumber, style: 'by-character' }),
    ).toThrow(RangeError);
  });
});

describe('custom call templates', () => {
  it('tokenizes a hall template, longest phrase first, keeping its punctuation in the text', () => {
    const announcement = buildCallAnnouncement({
      ticketNumber: 'A001',
      counterNumber: 3,
      style: 'whole-number',
      template: 'Xin mời quý khách số {ticket}, tới quầy {counter}.',
    });
    expect(announcement.text).toBe('Xin mời quý khách số A một, tới quầy ba.');
    expect(announcement.words).toEqual(['xin', 'mời', 'quý khách', 'số', 'a', 'một', 'tới', 'quầy', 'ba']);
  });

  it('may repeat the ticket', () => {
    const { words } = buildCallAnnouncement({
      ticketNumber: 'B2',
      counterNumber: 1,
      style: 'by-character',
      template: 'Mời số {ticket} đến quầy {counter}, mời số {ticket}',
    });
    expect(words).toEqual(['mời', 'số', 'bê', 'hai', 'đến', 'quầy', 'một', 'mời', 'số', 'bê', 'hai']);
  });

  it('reports every problem of a bad template, and the builder refuses it', () => {
    const template = 'Kính mời bà con {ticket} về {quay}';
    expect(checkCallTemplate(template)).toEqual({
      ok: false,
      unknownWords: ['kính', 'bà', 'con', 'về'],
      missingPlaceholders: ['counter'],
      unknownPlaceholders: ['quay'],
    });
    expect(() =>
      buildCallAnnouncement({ ticketNumber: 'A1', counterNumber: 1, style: 'by-character', template }),
    ).toThrow(/no voice clip for "kính".*missing \{counter\}.*unknown placeholder \{quay\}/);
  });

  it('accepts the default template and a digit in a template is an unknown word', () => {
    expect(checkCallTemplate(DEFAULT_CALL_TEMPLATE)).toEqual({ ok: true });
    expect(checkCallTemplate('Mời {ticket} đến quầy 5 {counter}')).toMatchObject({
      ok: false,
      unknownWords: ['5'],
    });
  });
});

describe('words a hall recorded itself', () => {
  const customWords = ['Mời ông bà', 'tổ chức, cá nhân', 'để được phục vụ'];

  it('refuses phrases with no clip, and accepts them once the hall recorded them', () => {
    const template = 'Mời ông bà, tổ chức, cá nhân có số {ticket} đến quầy {counter} để được phục vụ';
    const refused = checkCallTemplate(template);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.unknownWords).toEqual([
      'ông',
      'bà',
      'tổ',
      'chức',
      'cá',
      'nhân',
      'để',
      'được',
      'phục',
      'vụ',
    ]);
    expect(checkCallTemplate(template, customWords)).toEqual({ ok: true });
    const call = buildCallAnnouncement({
      ticketNumber: 'A012',
      counterNumber: 5,
      style: 'by-character',
      template,
      customWords,
    });
    expect(call.words).toEqual([
      'mời ông bà',
      'tổ chức cá nhân',
      'có',
      'số',
      'a',
      'không',
      'một',
      'hai',
      'đến',
      'quầy',
      'năm',
      'để được phục vụ',
    ]);
    expect(clipFileName('tổ chức cá nhân')).toBe('to-hoi-chuc-sac-ca-sac-nhan.wav');
  });

  it('tells what keeps a configuration from being spoken: template words, placeholders, prefixes', () => {
    const services = [{ id: 'dat-dai', prefix: 'Đ', isActive: true }];
    const ok = {
      announcement: {
        ...DEFAULT_ANNOUNCEMENT,
        template: 'Mời ông bà có số {ticket} đến quầy {counter}',
        customWords: ['mời ông bà'],
      },
      services,
    };
    expect(speakabilityProblems(ok)).toEqual([]);
    expect(
      speakabilityProblems({
        announcement: { ...DEFAULT_ANNOUNCEMENT, template: 'Mời ông bà có số {ticket}' },
        services: [...services, { id: 'x', prefix: 'Ư', isActive: true }],
      }),
    ).toEqual([
      'the call template has words with no voice clip: ông, bà',
      'the call template lacks {counter}',
      'service x: the prefix Ư cannot be spoken',
    ]);
  });

  it('says the Đ of a ticket prefix as "đê" from its own clip', () => {
    const call = buildCallAnnouncement({ ticketNumber: 'Đ007', counterNumber: 2, style: 'by-character' });
    expect(call.words.slice(4, 8)).toEqual(['đê', 'không', 'không', 'bảy']);
    expect(clipFileName('đê')).toBe('dde.wav');
  });

  it('reads numbers the hall’s way (linh/lẻ, tư/bốn, nghìn/ngàn)', () => {
    const southern = { zeroTens: 'lẻ', four: 'bốn', thousand: 'ngàn' } as const;
    const call = buildCallAnnouncement({
      ticketNumber: 'A1024',
      counterNumber: 24,
      style: 'whole-number',
      ...southern,
    });
    expect(call.text).toBe(
      'Mời công dân có số thứ tự A một ngàn không trăm hai mươi bốn, đến quầy số hai mươi bốn',
    );
  });
});

describe('announcement properties', () => {
  const letter = fc.constantFrom(...Object.keys(LETTER_NAMES));
  const ticketNumber = fc
    .tuple(fc.array(letter, { minLength: 0, maxLength: 2 }), fc.integer({ min: 1, max: 99_999 }))
    .map(([letters, sequence]) => `${letters.join('')}${String(sequence).padStart(3, '0')}`);
  const input = fc.record({
    ticketNumber,
    counterNumber: fc.integer({ min: 1, max: 99 }),
    style: fc.constantFrom('by-character' as const, 'whole-number' as const),
    zeroTens: fc.constantFrom('linh' as const, 'lẻ' as const),
    four: fc.constantFrom('bốn' as const, 'tư' as const),
    thousand: fc.constantFrom('nghìn' as const, 'ngàn' as const),
  });

  it('every word is a voice clip, and the counter is read as a number at the end', () => {
    const clipNames: ReadonlySet<string> = new Set(VOICE_CLIP_NAMES);
    fc.assert(
      fc.property(input, (call) => {
        const { text, words } = buildCallAnnouncement(call);
        for (const word of words) expect(clipNames.has(word)).toBe(true);
        const counterReading = readNumberVi(call.counterNumber, call);
        expect(text.endsWith(`quầy số ${counterReading}`)).toBe(true);
        expect(words.slice(-counterReading.split(' ').length).join(' ')).toBe(counterReading);
      }),
    );
  });

  it('by-character says one word per character of the ticket', () => {
    fc.assert(
      fc.property(input, (call) => {
        const { words } = buildCallAnnouncement({ ...call, style: 'by-character' });
        const counterWordCount = readNumberVi(call.counterNumber, call).split(' ').length;
        // opening (4 tokens) + one per character + "đến quầy số" + the counter
        expect(words.length).toBe(4 + Array.from(call.ticketNumber).length + 3 + counterWordCount);
      }),
    );
  });
});

describe('formatCallSubtitle', () => {
  it('writes the call in English and Vietnamese', () => {
    expect(formatCallSubtitle('en', 'A012', 5)).toBe('Ticket A012, please go to counter 5');
    expect(formatCallSubtitle('vi', 'A012', 5)).toBe('Mời công dân có số thứ tự A012 đến quầy số 5');
  });
});
