// Issue #15: docs/PROTOCOL.md must let a stranger match the server's state field for field. These
// checks keep the page and the code in step: every field of the replica (QueueState, Ticket,
// CounterState, a transfer) is named in §7, every event's every field in its row of the event table,
// every error code in §8. A field added to a type fails the typecheck here until it is listed, and then
// this test until it is documented.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '@luot/shared/contracts';
import { ERROR_CODES, versionedEventSchema } from '@luot/shared/contracts';
import type { CounterState, QueueState, Ticket, TicketTransfer } from '@luot/shared/domain';
import { REPO_ROOT } from '../src/hall-server.ts';

const protocol = readFileSync(path.join(REPO_ROOT, 'docs', 'PROTOCOL.md'), 'utf8');

/** The text of one numbered section (`## 7. …` up to the next `## `). */
function section(number: number): string {
  const start = protocol.indexOf(`\n## ${number}. `);
  expect(start, `PROTOCOL.md has a section ${number}`).toBeGreaterThan(-1);
  const end = protocol.indexOf('\n## ', start + 1);
  return protocol.slice(start, end === -1 ? undefined : end);
}

const QUEUE_STATE_FIELDS = {
  version: true,
  businessDay: true,
  nextTicketId: true,
  tickets: true,
  counters: true,
  lastSequence: true,
  serviceTimes: true,
} satisfies Record<keyof QueueState, true>;

const TICKET_FIELDS = {
  id: true,
  number: true,
  sequence: true,
  issuedServiceId: true,
  serviceId: true,
  businessDay: true,
  priorityGroupId: true,
  procedureId: true,
  status: true,
  issuedAt: true,
  queuedAt: true,
  kioskId: true,
  counterId: true,
  targetCounterId: true,
  clerkId: true,
  calledAt: true,
  lastCalledAt: true,
  lastCalledCounterId: true,
  startedAt: true,
  completedAt: true,
  noShowAt: true,
  callCount: true,
  recallCount: true,
  transferCount: true,
  lastTransfer: true,
  isCalledOutOfOrder: true,
  printState: true,
  isRated: true,
} satisfies Record<keyof Ticket, true>;

const COUNTER_FIELDS = {
  id: true,
  status: true,
  pauseReason: true,
  clerkId: true,
  currentTicketId: true,
  lastCompletedTicketId: true,
  priorityStreak: true,
} satisfies Record<keyof CounterState, true>;

const TRANSFER_FIELDS = {
  at: true,
  fromServiceId: true,
  fromCounterId: true,
  note: true,
} satisfies Record<keyof TicketTransfer, true>;

const DEVICE_STATUS_FIELDS = {
  deviceId: true,
  kind: true,
  name: true,
  counterId: true,
  isOnline: true,
  lastSeenAt: true,
  revokedAt: true,
  transport: true,
  printer: true,
} satisfies Record<keyof DeviceStatus, true>;

/** The rows of the table whose header row names `header` (the lines from it to the first non-table line). */
function tableRows(text: string, header: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|') && line.includes(header));
  expect(start, `a table headed ${header}`).toBeGreaterThan(-1);
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

/** The cells of a table row (a `\|` inside a cell is text, not a border). */
const cells = (row: string): string[] => row.split(/(?<!\\)\|/);

/** Whether a table has a row for a field: its first cell names it. */
const hasRowFor = (rows: readonly string[], field: string): boolean =>
  rows.some((row) => cells(row)[1]?.trim() === `\`${field}\``);

describe('docs/PROTOCOL.md keeps in step with the code', () => {
  it('§7 has a row for every field of QueueState, Ticket and CounterState, and names every field of a transfer', () => {
    const state = section(7);
    const missing = [
      ...Object.keys(QUEUE_STATE_FIELDS)
        .filter((field) => !hasRowFor(tableRows(state, '`QueueState` field'), field))
        .map((field) => `QueueState.${field}`),
      ...Object.keys(TICKET_FIELDS)
        .filter((field) => !hasRowFor(tableRows(state, '`Ticket` field'), field))
        .map((field) => `Ticket.${field}`),
      ...Object.keys(COUNTER_FIELDS)
        .filter((field) => !hasRowFor(tableRows(state, '`CounterState` field'), field))
        .map((field) => `CounterState.${field}`),
    ];
    expect(missing).toEqual([]);
    const transferRow =
      tableRows(state, '`Ticket` field').find((row) => row.includes('`lastTransfer`')) ?? '';
    for (const field of Object.keys(TRANSFER_FIELDS))
      expect(transferRow, `lastTransfer.${field}`).toContain(field);
  });

  it('§7 has a row for every event type, naming each of its fields', () => {
    const rows = tableRows(section(7), '| `type`');
    const missing: string[] = [];
    for (const option of versionedEventSchema.options) {
      const { type, ...fields } = option.shape;
      const name = type.value;
      const row = rows.find((candidate) => cells(candidate)[1]?.includes(`\`${name}\``));
      if (row === undefined) {
        missing.push(name);
        continue;
      }
      const described = cells(row)[2] ?? '';
      for (const field of Object.keys(fields)) {
        if (['version', 'at', 'by'].includes(field)) continue; // common to every event, said above the table
        if (!new RegExp(`\\b${field}\\b`).test(described)) missing.push(`${name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('§7 names every field of a device status in the `device:status` row', () => {
    const row = tableRows(section(7), '| event').find((candidate) => candidate.includes('`device:status`'));
    const described = cells(row ?? '')[3] ?? '';
    expect(
      Object.keys(DEVICE_STATUS_FIELDS).filter((field) => !new RegExp(`\\b${field}\\b`).test(described)),
    ).toEqual([]);
  });

  it('§8 explains every error code a client can receive', () => {
    const errors = tableRows(section(8), '| code');
    const named = errors.map((row) => cells(row)[1] ?? '').join(' ');
    expect(ERROR_CODES.filter((code) => !named.includes(`\`${code}\``))).toEqual([]);
  });
});
