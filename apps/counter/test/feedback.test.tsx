import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HallConfig } from '@luot/shared/domain';
import { findCounter } from '@luot/shared/domain';
import type { FeedbackScreenProps } from '../src/FeedbackScreen.tsx';
import { FeedbackScreen } from '../src/FeedbackScreen.tsx';
import { moodColour } from '../src/Face.tsx';
import type { FeedbackMemory } from '../src/feedback-model.ts';
import { FRESH_MEMORY, MIN_THANKS_MS, feedbackPhase, moodOf } from '../src/feedback-model.ts';
import { CONFIG, HallScenario, Q1, Q2 } from './hall-fixture.ts';

afterEach(cleanup);

const IDLE_MS = CONFIG.terminals.feedbackIdleSeconds * 1000;

/** q1 served A001 and completed it just now. */
function completedHall(): HallScenario {
  const hall = new HallScenario().signIn(Q1, 'cb1');
  hall.issue('dat-dai');
  hall.issue('dat-dai');
  hall.act({ type: 'call-next', counterId: Q1 });
  hall.act({ type: 'start', counterId: Q1 });
  hall.wait(5 * 60_000);
  hall.act({ type: 'complete', counterId: Q1 });
  return hall;
}

const phaseOf = (hall: HallScenario, memory: FeedbackMemory = FRESH_MEMORY) =>
  feedbackPhase(hall.state, hall.config, Q1, hall.now, memory);

describe('feedbackPhase', () => {
  it('is idle at a counter with nobody served', () => {
    expect(phaseOf(new HallScenario())).toEqual({ kind: 'idle' });
  });

  it('shows the called or served ticket with its clerk', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai');
    hall.act({ type: 'call-next', counterId: Q1 });
    const phase = phaseOf(hall);
    expect(phase.kind).toBe('serving');
    if (phase.kind !== 'serving') return;
    expect(phase.ticket.number).toBe('A001');
    expect(phase.clerk?.name).toBe('Nguyễn Văn An');
  });

  it('asks for a rating when the clerk completes, for feedbackIdleSeconds after the visit or the last touch', () => {
    const hall = completedHall();
    expect(phaseOf(hall)).toMatchObject({ kind: 'asking', ticket: { number: 'A001' } });
    hall.wait(IDLE_MS - 1);
    expect(phaseOf(hall).kind).toBe('asking');
    expect(phaseOf(hall, { ...FRESH_MEMORY, lastInteractionAt: hall.now }).kind).toBe('asking');
    hall.wait(1);
    expect(phaseOf(hall)).toEqual({ kind: 'idle' });
  });

  it('asks about the finished visit before showing the next number already called', () => {
    const hall = completedHall();
    hall.act({ type: 'call-next', counterId: Q1 });
    expect(phaseOf(hall)).toMatchObject({ kind: 'asking', ticket: { number: 'A001' } });
    hall.wait(IDLE_MS);
    expect(phaseOf(hall)).toMatchObject({ kind: 'serving', ticket: { number: 'A002' } });
  });

  it('thanks after a rating, for feedbackIdleSeconds, or a few seconds once the next visitor is called', () => {
    const hall = completedHall();
    const ticket = hall.ticket('A001');
    hall.act(
      { type: 'rate', ticketId: ticket.id, counterId: Q1, rating: 4, reasons: [] },
      { role: 'feedback', deviceId: null, clerkId: null },
    );
    const memory: FeedbackMemory = { ...FRESH_MEMORY, rated: { ticketId: ticket.id, at: hall.now } };
    expect(phaseOf(hall, memory)).toEqual({ kind: 'thanks' });
    hall.wait(IDLE_MS);
    expect(phaseOf(hall, memory)).toEqual({ kind: 'idle' });

    const busier = completedHall();
    const rated = busier.ticket('A001');
    const busyMemory: FeedbackMemory = { ...FRESH_MEMORY, rated: { ticketId: rated.id, at: busier.now } };
    busier.wait(1_000);
    busier.act({ type: 'call-next', counterId: Q1 });
    expect(phaseOf(busier, busyMemory)).toEqual({ kind: 'thanks' });
    busier.wait(MIN_THANKS_MS);
    expect(phaseOf(busier, busyMemory)).toMatchObject({ kind: 'serving', ticket: { number: 'A002' } });
  });

  it('a visit called and finished right after a rating cuts the thanks short and is asked about', () => {
    const hall = completedHall();
    const first = hall.ticket('A001');
    hall.act(
      { type: 'rate', ticketId: first.id, counterId: Q1, rating: 1, reasons: [] },
      { role: 'feedback', deviceId: null, clerkId: null },
    );
    const memory: FeedbackMemory = { ...FRESH_MEMORY, rated: { ticketId: first.id, at: hall.now } };
    hall.wait(500);
    hall.act({ type: 'call-next', counterId: Q1 });
    hall.wait(500);
    hall.act({ type: 'complete', counterId: Q1 });
    expect(phaseOf(hall, memory)).toEqual({ kind: 'thanks' });
    hall.wait(MIN_THANKS_MS);
    expect(phaseOf(hall, memory)).toMatchObject({ kind: 'asking', ticket: { number: 'A002' } });
  });

  it('never asks about a ticket the tablet gave up on, nor one served at another counter', () => {
    const hall = completedHall();
    expect(phaseOf(hall, { ...FRESH_MEMORY, dismissed: new Set([hall.ticket('A001').id]) })).toEqual({
      kind: 'idle',
    });
    expect(feedbackPhase(hall.state, hall.config, Q2, hall.now, FRESH_MEMORY)).toEqual({ kind: 'idle' });
  });

  it('maps any scale onto faces from happy to unhappy', () => {
    const moods = [4, 3, 2, 1].map((value) => moodOf(CONFIG, value));
    [1, 1 / 3, -1 / 3, -1].forEach((mood, index) => expect(moods[index]).toBeCloseTo(mood));
    const fiveLevels: HallConfig = {
      ...CONFIG,
      satisfaction: {
        ...CONFIG.satisfaction,
        levels: [5, 4, 3, 2, 1].map((value) => ({
          value,
          label: { vi: `${value}`, en: `${value}` },
          isSatisfied: value > 3,
        })),
      },
    };
    expect(moodOf(fiveLevels, 3)).toBe(0);
    // Four distinct colours for the default four levels, green to red.
    expect([1, 1 / 3, -1 / 3, -1].map(moodColour)).toEqual([
      'rgb(27, 127, 59)',
      'rgb(104, 159, 56)',
      'rgb(230, 126, 0)',
      'rgb(198, 40, 40)',
    ]);
  });
});

const counter = findCounter(CONFIG, Q1)!;

function renderTablet(overrides: Partial<FeedbackScreenProps>) {
  const callbacks = {
    onRate: vi.fn<(rating: number) => void>(),
    onToggleReason: vi.fn<(index: number) => void>(),
    onSubmitReasons: vi.fn<() => void>(),
    onBack: vi.fn<() => void>(),
  };
  render(
    <FeedbackScreen
      config={CONFIG}
      counter={counter}
      status="online"
      phase={{ kind: 'idle' }}
      lowRating={null}
      selectedReasons={[]}
      isSending={false}
      error={null}
      {...callbacks}
      {...overrides}
    />,
  );
  return callbacks;
}

describe('FeedbackScreen', () => {
  it('idle: greets in Vietnamese and English under the counter name', () => {
    renderTablet({});
    expect(document.querySelector('.tablet')?.getAttribute('data-phase')).toBe('idle');
    expect(screen.getByRole('heading').textContent).toBe('Kính chào Ông/Bà Welcome');
    expect(document.querySelector('.tablet__counter')?.textContent).toContain('Quầy số 1');
  });

  it('showing a ticket: its number and the clerk with their title', () => {
    const hall = new HallScenario().signIn(Q1, 'cb1');
    hall.issue('dat-dai');
    hall.act({ type: 'call-next', counterId: Q1 });
    renderTablet({ phase: phaseOf(hall) });
    expect(screen.getByTestId('feedback-number').textContent).toBe('A001');
    expect(screen.getByTestId('feedback-clerk').textContent).toContain('Nguyễn Văn An');
    expect(screen.getByTestId('feedback-clerk').textContent).toContain('Công chức Địa chính');
  });

  it('asking: one large button with a face per level of the hall scale, best first', () => {
    const hall = completedHall();
    const { onRate } = renderTablet({ phase: phaseOf(hall) });
    const buttons = screen.getAllByRole('button');
    // The visible label is the button's name (no aria-label that could say something else).
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Rất hài lòng Very satisfied',
      'Hài lòng Satisfied',
      'Bình thường Neutral',
      'Không hài lòng Dissatisfied',
    ]);
    expect(buttons.every((button) => !button.hasAttribute('aria-label'))).toBe(true);
    // A graded scale under a request to grade, not a yes/no question.
    expect(screen.getByRole('heading').textContent).toContain(
      'Ông/Bà vui lòng đánh giá mức độ hài lòng về việc giải quyết thủ tục vừa rồi',
    );
    expect(document.querySelectorAll('.rating svg.face')).toHaveLength(4);
    expect(screen.getByText('Số thứ tự A001')).toBeTruthy();
    fireEvent.click(buttons[1]!);
    expect(onRate.mock.calls).toEqual([[3]]);
  });

  it('low rating: the optional reasons, toggled, then sent or taken back', () => {
    const hall = completedHall();
    const { onToggleReason, onSubmitReasons, onBack } = renderTablet({
      phase: phaseOf(hall),
      lowRating: 1,
      selectedReasons: [1],
    });
    expect(document.querySelector('.tablet')?.getAttribute('data-phase')).toBe('reasons');
    const reasons = screen.getAllByRole('button', { pressed: false });
    expect(reasons.map((reason) => reason.textContent)).toEqual([
      'Thời gian chờ lâu Long wait',
      'Lý do khác Other',
    ]);
    expect(screen.getByRole('button', { pressed: true }).textContent).toContain('Thái độ phục vụ chưa tốt');
    fireEvent.click(reasons[0]!);
    fireEvent.click(screen.getByRole('button', { name: /Gửi đánh giá/ }));
    fireEvent.click(screen.getByRole('button', { name: /Chọn lại/ }));
    expect(onToggleReason.mock.calls).toEqual([[0]]);
    expect(onSubmitReasons).toHaveBeenCalledOnce();
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('thanks, and shows a refusal as words in both languages', () => {
    renderTablet({
      phase: { kind: 'thanks' },
      error: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
    });
    expect(screen.getByTestId('feedback-thanks').textContent).toContain('Xin cảm ơn Ông/Bà!');
    expect(screen.getByRole('alert').textContent).toBe(
      'Bạn không có quyền thực hiện thao tác này. You are not allowed to do this.',
    );
  });
});
