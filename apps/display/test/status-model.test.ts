import { describe, expect, it } from 'vitest';
import type { PollResult, PublicTicket } from '../src/status/status-model.ts';
import {
  INITIAL_STATUS_STATE,
  codeFromLocation,
  describeTicket,
  foldPoll,
  pollTicket,
} from '../src/status/status-model.ts';

const waiting: PublicTicket = {
  number: 'A012',
  status: 'waiting',
  service: { vi: 'Đất đai', en: 'Land' },
  counter: null,
  peopleAhead: 3,
  peopleAheadMax: 3,
  waitMinutes: { min: 7, max: 13 },
  transfer: null,
  issuedAt: 1,
  calledAt: null,
  hallName: 'Trung tâm Hành chính công huyện An Phú',
  version: 40,
};
const called: PublicTicket = {
  ...waiting,
  status: 'called',
  counter: { number: 5, name: { vi: 'Quầy số 5', en: 'Counter 5' } },
  peopleAhead: null,
  peopleAheadMax: null,
  waitMinutes: null,
  calledAt: 2,
};

/** A fetch that answers like the hall server would (a real Response, so parsing is exercised). */
const answering =
  (status: number, body: unknown): typeof fetch =>
  () =>
    Promise.resolve(
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );

describe('codeFromLocation', () => {
  it('reads /t/<code> and ?code=, and refuses anything else', () => {
    expect(codeFromLocation('/t/Ab3_x-9QkLmN0pQr', '')).toBe('Ab3_x-9QkLmN0pQr');
    expect(codeFromLocation('/display/status.html', '?code=Zz12345678')).toBe('Zz12345678');
    expect(codeFromLocation('/t/short', '')).toBeNull();
    expect(codeFromLocation('/t/../../etc', '')).toBeNull();
    expect(codeFromLocation('/display/status.html', '?code=<script>')).toBeNull();
  });
});

describe('pollTicket', () => {
  it('parses the server answer', async () => {
    const result = await pollTicket('Ab3x9QkLmN', answering(200, { ok: true, value: waiting }), () => 99);
    expect(result).toEqual({ kind: 'ticket', ticket: waiting, at: 99 });
  });

  it('tells a 404 apart from an unreachable server', async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: 'no such ticket' } };
    expect(await pollTicket('Ab3x9QkLmN', answering(404, notFound), () => 0)).toEqual({ kind: 'not-found' });
    const down: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await pollTicket('Ab3x9QkLmN', down, () => 0)).toEqual({ kind: 'unreachable' });
    expect(await pollTicket('Ab3x9QkLmN', answering(502, '<html>bad gateway</html>'), () => 0)).toEqual({
      kind: 'unreachable',
    });
  });

  it('rejects an answer with fields it does not know (strict parsing)', async () => {
    const extra = { ok: true, value: { ...waiting, otherVisitors: ['A013'] } };
    expect(await pollTicket('Ab3x9QkLmN', answering(200, extra), () => 0)).toEqual({ kind: 'unreachable' });
  });
});

describe('foldPoll', () => {
  it('says how fresh the province hub’s copy is when the page is answered by the hub', () => {
    const fromHub = { ...waiting, asOf: 2 };
    expect(foldPoll(INITIAL_STATUS_STATE, { kind: 'ticket', ticket: fromHub, at: 5 }).updatedAt).toBe(2);
    expect(
      foldPoll(INITIAL_STATUS_STATE, { kind: 'ticket', ticket: { ...waiting, asOf: null }, at: 5 }).updatedAt,
    ).toBe(5);
  });

  it('keeps the last data while the server is unreachable, and forgets it on a 404', () => {
    const live = foldPoll(INITIAL_STATUS_STATE, { kind: 'ticket', ticket: waiting, at: 5 });
    expect(live).toEqual({ ticket: waiting, updatedAt: 5, link: 'live' });
    const unreachable: PollResult = { kind: 'unreachable' };
    expect(foldPoll(live, unreachable)).toEqual({ ticket: waiting, updatedAt: 5, link: 'reconnecting' });
    expect(foldPoll(foldPoll(live, unreachable), { kind: 'ticket', ticket: called, at: 9 })).toEqual({
      ticket: called,
      updatedAt: 9,
      link: 'live',
    });
    expect(foldPoll(live, { kind: 'not-found' })).toEqual({
      ticket: null,
      updatedAt: null,
      link: 'not-found',
    });
  });
});

describe('describeTicket', () => {
  it('tells a waiting visitor how many are ahead and the wait range, in either language', () => {
    expect(describeTicket(waiting, 'vi')).toMatchObject({
      number: 'A012',
      serviceName: 'Đất đai',
      statusLabel: 'Đang chờ',
      tone: 'waiting',
      peopleAhead: '3',
      waitText: 'khoảng 7–13 phút',
      counterLine: null,
      message: null,
      isOpen: true,
    });
    // Counters with different call orders may call it: a range.
    expect(describeTicket({ ...waiting, peopleAheadMax: 5 }, 'vi').peopleAhead).toBe('3–5');
    expect(describeTicket(waiting, 'en')).toMatchObject({
      statusLabel: 'Waiting',
      waitText: 'about 7–13 min',
    });
    expect(describeTicket({ ...waiting, waitMinutes: null }, 'vi').waitText).toBe(
      'Chưa có quầy nào đang phục vụ dịch vụ này',
    );
  });

  it('sends a called visitor to the counter, big and obvious', () => {
    expect(describeTicket(called, 'vi')).toMatchObject({
      tone: 'called',
      headline: 'Mời Ông/Bà đến ngay',
      counterLine: 'Quầy số 5',
      statusLabel: 'Đã gọi',
    });
    expect(describeTicket(called, 'en')).toMatchObject({
      headline: 'Please go now to',
      counterLine: 'Counter 5',
    });
  });

  it('says where a transferred ticket went and that the visitor keeps waiting', () => {
    const toCounter = { ...waiting, transfer: { toService: waiting.service, toCounter: 4 } };
    expect(describeTicket(toCounter, 'vi').message).toBe(
      'Số thứ tự của Ông/Bà đã được chuyển đến quầy số 4. Vui lòng tiếp tục chờ gọi số.',
    );
    const toService = {
      ...waiting,
      service: { vi: 'Hộ tịch', en: 'Civil status' },
      transfer: { toService: { vi: 'Hộ tịch', en: 'Civil status' }, toCounter: null },
    };
    expect(describeTicket(toService, 'en').message).toBe(
      'Your ticket was moved to the service “Civil status”. Please keep waiting for your call.',
    );
  });

  it('closes finished and failed tickets with a sentence and what to do; nothing left to listen for', () => {
    expect(describeTicket({ ...called, status: 'serving' }, 'vi').message).toBe(
      'Ông/Bà đang được phục vụ tại quầy số 5',
    );
    expect(describeTicket({ ...called, status: 'done' }, 'vi')).toMatchObject({
      tone: 'finished',
      message: 'Đã hoàn thành. Xin cảm ơn Ông/Bà!',
      isOpen: false,
    });
    expect(describeTicket({ ...called, status: 'no_show' }, 'en')).toMatchObject({
      tone: 'problem',
      isOpen: false,
    });
    expect(describeTicket({ ...waiting, status: 'expired' }, 'vi').message).toBe(
      'Số thứ tự này đã hết hạn (phiếu chỉ có giá trị trong ngày). Vui lòng lấy số mới.',
    );
    expect(describeTicket({ ...waiting, status: 'cancelled' }, 'vi')).toMatchObject({
      message:
        'Số thứ tự này đã bị hủy. Nếu vẫn cần làm thủ tục, Ông/Bà vui lòng lấy số mới tại máy lấy số hoặc liên hệ cán bộ hướng dẫn.',
      isOpen: false,
    });
  });
});
