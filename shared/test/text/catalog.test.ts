import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/contracts/index.ts';
import {
  DEFAULT_PRIORITY_GROUPS,
  DEFAULT_SATISFACTION_LEVELS,
  TICKET_STATUSES,
  type CounterStatus,
} from '../../src/domain/index.ts';
import {
  LOCALES,
  isMessageId,
  messages,
  translate,
  translateBoth,
  translateErrorCode,
  type MessageId,
} from '../../src/text/index.ts';

const messageIds = Object.keys(messages).filter(isMessageId);
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();

describe('messages', () => {
  it.each(messageIds)('%s has non-blank text in both locales and the same placeholders', (id) => {
    for (const locale of LOCALES) expect(messages[id][locale].trim()).not.toBe('');
    expect(placeholders(messages[id].en)).toEqual(placeholders(messages[id].vi));
  });

  it('writes Vietnamese with its diacritics (a sample that would lose them in a careless edit)', () => {
    expect(messages['error.QUOTA_REACHED'].vi).toBe('Dịch vụ này đã hết số trong ngày hôm nay.');
    expect(messages['priorityGroup.meritorious'].vi).toBe('Người có công với cách mạng');
    expect(messages['ticketStatus.cancelled'].vi).toBe('Đã hủy');
  });

  it('has a message for every error code of the contract, and no stale ones', () => {
    const errorIds = messageIds.filter((id) => id.startsWith('error.')).sort();
    expect(errorIds).toEqual(ERROR_CODES.map((code) => `error.${code}`).sort());
  });

  it('has a message for every ticket status and counter status of the domain', () => {
    const counterStatuses = ['open', 'paused', 'closed'] as const satisfies readonly CounterStatus[];
    for (const status of TICKET_STATUSES) expect(isMessageId(`ticketStatus.${status}`), status).toBe(true);
    for (const status of counterStatuses) expect(isMessageId(`counterState.${status}`), status).toBe(true);
    expect(translate('vi', 'ticketStatus.no_show')).toBe('Vắng mặt');
    expect(translate('vi', 'counterState.paused')).toBe('Tạm dừng');
  });

  it('agrees with the domain’s default satisfaction scale, best first', () => {
    const scaleIds = [
      'satisfaction.very_satisfied',
      'satisfaction.satisfied',
      'satisfaction.neutral',
      'satisfaction.dissatisfied',
    ] as const satisfies readonly MessageId[];
    expect(scaleIds.map((id) => translateBoth(id))).toEqual(
      DEFAULT_SATISFACTION_LEVELS.map((level) => level.label),
    );
  });
});

describe('priority groups', () => {
  it('agree with the domain’s defaults (the glossary’s list), which the demo hall uses too', () => {
    const groupIds = [
      'priorityGroup.elderly',
      'priorityGroup.disabled',
      'priorityGroup.pregnant',
      'priorityGroup.meritorious',
      'priorityGroup.young_child',
    ] as const satisfies readonly MessageId[];
    expect(groupIds.map((id) => translateBoth(id))).toEqual(
      DEFAULT_PRIORITY_GROUPS.map((group) => group.name),
    );
  });
});

describe('translate', () => {
  it('fills placeholders in either language', () => {
    expect(translate('en', 'call.announcement', { ticket: 'A012', counter: 5 })).toBe(
      'Ticket A012, please go to counter 5',
    );
    expect(translateBoth('call.announcement', { ticket: 'B001', counter: 12 })).toEqual({
      vi: 'Mời công dân có số thứ tự B001 đến quầy số 12',
      en: 'Ticket B001, please go to counter 12',
    });
  });

  it('type-checks ids and placeholders', () => {
    // @ts-expect-error: the call message needs its placeholders
    expect(translate('en', 'call.announcement')).toBe('Ticket {ticket}, please go to counter {counter}');
    // @ts-expect-error: an unknown id is a compile error (and undefined at runtime)
    expect(() => translate('en', 'error.NOPE')).toThrow(TypeError);
    expect(translate('en', 'counterState.open')).toBe('Open');
  });

  it('turns error codes into citizen-facing text, unknown codes into the generic one', () => {
    expect(translateErrorCode('vi', 'QUOTA_REACHED')).toBe('Dịch vụ này đã hết số trong ngày hôm nay.');
    expect(translateErrorCode('en', 'QUOTA_REACHED')).toBe("This service has issued all of today's tickets.");
    expect(translateErrorCode('vi', 'SOMETHING_NEW')).toBe(translate('vi', 'error.INTERNAL'));
    expect(translateErrorCode('en', 'call.announcement')).toBe(translate('en', 'error.INTERNAL'));
  });
});
