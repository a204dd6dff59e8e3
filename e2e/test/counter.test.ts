import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, DeviceKind, ServerToClientEvents } from '@luot/shared/contracts';
import type { CounterId, Ticket } from '@luot/shared/domain';
import { asCounterId, asPriorityGroupId, asProcedureId, asServiceId } from '@luot/shared/domain';
import { launchBrowser } from '../support/browser.ts';
import type { PageProblems } from '../support/page-state.ts';
import { checkPageState, watchPage } from '../support/page-state.ts';
import { e2eRequestId, nodeDevice, startE2eHall } from '../support/hall.ts';

type Hall = Awaited<ReturnType<typeof startE2eHall>>;

let server: Hall;
let browser: Browser;
let kiosk: Socket<ServerToClientEvents, ClientToServerEvents>;
const contexts: BrowserContext[] = [];
/** Console errors and failed requests of each page, for the normal-day checks. */
const problemsOf = new WeakMap<Page, PageProblems>();

const Q3 = asCounterId('q3');
const Q4 = asCounterId('q4');
const Q5 = asCounterId('q5');

beforeAll(async () => {
  server = await startE2eHall();
  browser = await launchBrowser();
  kiosk = await nodeDevice(server, 'kiosk');
});

afterAll(async () => {
  kiosk?.close();
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.dispose();
});

async function issue(
  serviceId: string,
  priorityGroupId: string | null = null,
  procedureId: string | null = null,
): Promise<Ticket> {
  const ack = await kiosk.emitWithAck('ticket:issue', {
    requestId: e2eRequestId(),
    serviceId: asServiceId(serviceId),
    priorityGroupId: priorityGroupId === null ? null : asPriorityGroupId(priorityGroupId),
    procedureId: procedureId === null ? null : asProcedureId(procedureId),
  });
  if (!ack.ok) throw new Error(`issue refused: ${ack.error.code}`);
  return ack.value.ticket;
}

const ticketNamed = (number: string): Ticket => {
  const found = Object.values(server.service.state.tickets).find((ticket) => ticket.number === number);
  if (!found) throw new Error(`no ticket ${number}`);
  return found;
};
const counterState = (counterId: CounterId) => server.service.state.counters[counterId];
const ratingCount = (): number =>
  (server.store.db.prepare('SELECT COUNT(*) AS n FROM ratings').get() as { n: number }).n;

/** A page in its own browser context (its own localStorage, like a separate PC), paired with a code. */
async function openPaired(
  kind: DeviceKind,
  counterId: CounterId,
  viewport: { width: number; height: number },
  path: string,
  installClock = false,
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  contexts.push(context);
  const page = await context.newPage();
  problemsOf.set(page, watchPage(page));
  if (installClock) await page.clock.install();
  const { code } = server.createPairingCode(kind, `${kind} ${counterId} (e2e)`, counterId);
  await page.goto(`${server.url}${path}?code=${code}`);
  return page;
}

async function signIn(page: Page, username: string, pin = '1234'): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mã PIN').fill(pin);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.locator('[data-action="next"]').waitFor();
}

const text = (page: Page, testId: string): Promise<string | null> => page.getByTestId(testId).textContent();
const action = (page: Page, name: string) => page.locator(`button[data-action="${name}"]`);

const KEY_ACTIONS: Readonly<Record<string, string>> = {
  '1': 'next',
  '2': 'recall',
  '3': 'start',
  '4': 'complete',
  '5': 'noShow',
  '6': 'transfer',
  '7': 'callSpecific',
  '8': 'pauseOrResume',
};

/**
 * Press a shortcut once its button is enabled, as a clerk who looks at the screen would. (While the
 * previous action is in flight every action is disabled and its key ignored, by design.)
 */
async function press(page: Page, key: string): Promise<void> {
  const name = KEY_ACTIONS[key];
  if (name === undefined) throw new Error(`no action on key ${key}`);
  await expect.poll(() => action(page, name).isEnabled()).toBe(true);
  await page.keyboard.press(key);
}

describe('counter terminal and feedback tablet in Chromium against a real hall', () => {
  it('pairs, signs in, calls, recalls, serves, transfers, calls out of order, pauses — by mouse and by keys', async () => {
    // Pairing screen first (no code yet).
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    contexts.push(fresh);
    const pairingPage = await fresh.newPage();
    await pairingPage.goto(`${server.url}/counter/`);
    await pairingPage.getByText('Nhập mã ghép nối').waitFor();
    await checkPageState(pairingPage, 'counter-01-pairing');

    const terminal = await openPaired('counter', Q3, { width: 1366, height: 768 }, '/counter/');
    await terminal.getByLabel('Tên đăng nhập').waitFor();
    expect(terminal.url()).not.toContain('code=');
    expect(await text(terminal, 'counter-name')).toBe('Quầy số 3');
    await checkPageState(terminal, 'counter-02-sign-in');

    // A wrong PIN is a sentence, not a code.
    await terminal.getByLabel('Tên đăng nhập').fill('canbo3');
    await terminal.getByLabel('Mã PIN').fill('9999');
    await terminal.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await terminal.getByTestId('sign-in-error').waitFor();
    expect(await text(terminal, 'sign-in-error')).toBe('Tên đăng nhập hoặc mã PIN không đúng.');
    await checkPageState(terminal, 'counter-03-sign-in-error');

    await signIn(terminal, 'canbo3');
    expect(counterState(Q3)).toMatchObject({ clerkId: 'cb3', status: 'open' });

    await issue('ho-tich', null, 'ht-khai-sinh'); // the procedure chosen at the kiosk shows at the counter
    for (const service of ['ho-tich', 'ho-tich', 'chung-thuc']) await issue(service);
    await issue('ho-tich', 'nguoi-cao-tuoi'); // B004, priority
    await expect
      .poll(() => terminal.getByTestId('waiting-number').allTextContents())
      .toEqual(['B004', 'B001', 'B002', 'B003', 'C001']);
    expect(await terminal.getByTestId('waiting-procedure').allTextContents()).toEqual(['Đăng ký khai sinh']);
    await checkPageState(terminal, 'counter-04-idle-waiting');

    // Mouse: call next takes the priority visitor first.
    await action(terminal, 'next').click();
    await expect.poll(() => text(terminal, 'current-number')).toBe('B004');
    expect(ticketNamed('B004')).toMatchObject({ status: 'called', counterId: 'q3', callCount: 1 });
    expect(await action(terminal, 'next').isDisabled()).toBe(true);
    await checkPageState(terminal, 'counter-05-called');

    // Keys: 2 recall, 3 start, 4 complete.
    await press(terminal, '2');
    await expect.poll(() => ticketNamed('B004').callCount).toBe(2);
    await expect.poll(() => text(terminal, 'current-calls')).toBe('2');
    await press(terminal, '3');
    await expect.poll(() => ticketNamed('B004').status).toBe('serving');
    await expect.poll(() => text(terminal, 'current-status')).toBe('Đang phục vụ');
    await checkPageState(terminal, 'counter-06-serving');
    // A normal morning at the counter: no console error, no failed request (favicon included).
    expect(problemsOf.get(terminal)?.list()).toEqual([]);
    await press(terminal, '4');
    await expect.poll(() => ticketNamed('B004').status).toBe('done');
    await expect.poll(() => text(terminal, 'day-served')).toBe('1');

    // A double click on "next" calls exactly one ticket.
    await action(terminal, 'next').dblclick();
    await expect.poll(() => text(terminal, 'current-number')).toBe('B001');
    const calledAtQ3 = Object.values(server.service.state.tickets).filter(
      (ticket) => ticket.counterId === 'q3' && ticket.status === 'called',
    );
    expect(calledAtQ3.map((ticket) => ticket.number)).toEqual(['B001']);
    expect(ticketNamed('B002').status).toBe('waiting');

    // Counter 4's terminal, driven by the keyboard only, and its feedback tablet.
    const tablet = await openPaired('feedback', Q4, { width: 1280, height: 800 }, '/counter/feedback/');
    await tablet.getByText('Kính chào Ông/Bà').waitFor();
    expect(tablet.url()).not.toContain('code=');
    await checkPageState(tablet, 'counter-20-feedback-idle');

    const second = await openPaired('counter', Q4, { width: 1366, height: 768 }, '/counter/');
    await second.getByLabel('Tên đăng nhập').waitFor();
    await second.keyboard.type('canbo4');
    await second.keyboard.press('Tab');
    await second.keyboard.type('1234');
    await second.keyboard.press('Enter');
    await second.locator('[data-action="next"]').waitFor();

    // Mouse: transfer B001 to counter 4 with a note. Counter 5 is closed: listed, not choosable.
    await action(terminal, 'transfer').click();
    const dialog = terminal.getByRole('dialog');
    await dialog.locator('[data-counter="q4"]').getByText('Đang mở').waitFor();
    expect(await dialog.locator('[data-counter="q5"] input').isDisabled()).toBe(true);
    expect(await dialog.locator('[data-counter="q5"]').textContent()).toContain('Đã đóng: không nhận chuyển');
    // Focus stays in the dialog however far the clerk tabs.
    for (let index = 0; index < 30; index += 1) await terminal.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await dialog.locator('[data-counter="q4"] input').check();
    await dialog.getByLabel('Ghi chú (không bắt buộc)').fill('Hồ sơ khai sinh cần quầy 4 ký');
    await checkPageState(terminal, 'counter-07-transfer-dialog');
    await dialog.getByRole('button', { name: 'Chuyển số' }).click();
    await expect.poll(() => ticketNamed('B001').status).toBe('waiting');
    expect(ticketNamed('B001')).toMatchObject({
      targetCounterId: 'q4',
      transferCount: 1,
      lastTransfer: { note: 'Hồ sơ khai sinh cần quầy 4 ký' },
    });
    await expect
      .poll(() => terminal.getByTestId('flash').textContent())
      .toContain('Đã chuyển số B001 đến Quầy số 4');

    await press(second, '1');
    await expect.poll(() => text(second, 'current-number')).toBe('B001');
    expect(ticketNamed('B001')).toMatchObject({ status: 'called', counterId: 'q4' });
    // The note travelled with the ticket to the receiving clerk's card.
    expect(await text(second, 'current-transfer')).toContain('Hồ sơ khai sinh cần quầy 4 ký');
    await checkPageState(second, 'counter-07b-received-transfer');

    await expect.poll(() => text(tablet, 'feedback-number')).toBe('B001');
    expect(await text(tablet, 'feedback-clerk')).toContain('Phạm Minh Đức');
    await checkPageState(tablet, 'counter-21-feedback-serving');

    await press(second, '3');
    await expect.poll(() => ticketNamed('B001').status).toBe('serving');
    await press(second, '4');
    await expect.poll(() => ticketNamed('B001').status).toBe('done');

    // The citizen rates B001 with the lowest level and a reason.
    await tablet.getByRole('button', { name: 'Không hài lòng Dissatisfied' }).waitFor();
    await checkPageState(tablet, 'counter-22-feedback-asking');
    // The same tablet held upright (800×1280).
    await tablet.setViewportSize({ width: 800, height: 1280 });
    await checkPageState(tablet, 'counter-22b-feedback-asking-portrait');
    await tablet.setViewportSize({ width: 1280, height: 800 });
    await tablet.getByRole('button', { name: 'Không hài lòng Dissatisfied' }).click();
    await tablet.getByRole('button', { name: /Thời gian chờ lâu/ }).click();
    await checkPageState(tablet, 'counter-23-feedback-reasons');
    await tablet.getByRole('button', { name: /Gửi đánh giá/ }).click();
    await tablet.getByTestId('feedback-thanks').waitFor();
    await checkPageState(tablet, 'counter-24-feedback-thanks');
    expect(ratingCount()).toBe(1);
    const stored = server.store.db
      .prepare(
        'SELECT counter_id AS counterId, clerk_id AS clerkId, rating, reasons FROM ratings WHERE ticket_id = ?',
      )
      .get(ticketNamed('B001').id);
    expect(stored).toEqual({
      counterId: 'q4',
      clerkId: 'cb4',
      rating: 1,
      reasons: JSON.stringify(['Thời gian chờ lâu']),
    });
    expect(ticketNamed('B001').isRated).toBe(true);

    // A second visitor, a double tap on "very satisfied": stored once.
    await press(second, '1');
    await expect.poll(() => text(second, 'current-number')).toBe('B002');
    await press(second, '4'); // complete straight from "called"
    await expect.poll(() => ticketNamed('B002').status).toBe('done');
    await tablet.getByRole('button', { name: 'Rất hài lòng Very satisfied' }).dblclick();
    await tablet.getByTestId('feedback-thanks').waitFor();
    await expect.poll(() => ratingCount()).toBe(2);
    expect(
      (
        server.store.db
          .prepare('SELECT COUNT(*) AS n FROM ratings WHERE ticket_id = ?')
          .get(ticketNamed('B002').id) as { n: number }
      ).n,
    ).toBe(1);

    // Keys: 7 calls a chosen ticket out of order (reason required), 5 marks it absent after a confirmation.
    await press(terminal, '7');
    const callDialog = terminal.getByRole('dialog');
    // The key that opened the dialog is not typed into its focused reason field.
    expect(await callDialog.getByLabel('Lý do (bắt buộc)').inputValue()).toBe('');
    await callDialog.getByLabel('Số cần gọi').selectOption({ label: 'C001 · Chứng thực bản sao, chữ ký' });
    await callDialog.getByRole('button', { name: 'Công dân quay lại bổ sung hồ sơ' }).click();
    await callDialog.getByRole('button', { name: 'Gọi số này' }).click();
    await expect.poll(() => text(terminal, 'current-number')).toBe('C001');
    expect(ticketNamed('C001')).toMatchObject({ status: 'called', isCalledOutOfOrder: true });
    await press(terminal, '5');
    await terminal.getByRole('dialog').getByText('Đánh dấu số C001 vắng mặt?').waitFor();
    await terminal.keyboard.press('Enter');
    await expect.poll(() => ticketNamed('C001').status).toBe('no_show');
    await expect.poll(() => text(terminal, 'day-no-shows')).toBe('1');

    // Key 8 pauses with a reason from the list and resumes.
    await press(terminal, '8');
    await terminal.getByRole('dialog').getByLabel('Họp').check();
    await terminal.getByRole('dialog').getByRole('button', { name: 'Tạm dừng quầy' }).click();
    await expect.poll(() => counterState(Q3)).toMatchObject({ status: 'paused', pauseReason: 'Họp' });
    await expect.poll(() => text(terminal, 'counter-note')).toBe('Quầy đang tạm dừng: Họp');
    // "Next" while paused says why nothing happened.
    await terminal.keyboard.press('1');
    await expect
      .poll(() => terminal.getByTestId('flash').textContent())
      .toContain('Quầy đang tạm dừng. Nhấn “Tiếp tục” (phím 8)');
    await checkPageState(terminal, 'counter-08-paused');
    await press(terminal, '8');
    await expect.poll(() => counterState(Q3)?.status).toBe('open');

    // Disconnected: a banner, actions off; on reconnect the screen resyncs without a reload.
    await terminal.context().setOffline(true);
    await terminal.getByText(/Mất kết nối với máy chủ/).waitFor({ timeout: 20_000 });
    expect(await action(terminal, 'next').isDisabled()).toBe(true);
    await checkPageState(terminal, 'counter-09-offline');
    const issuedWhileOffline = await issue('chung-thuc');
    await terminal.context().setOffline(false);
    await terminal.getByText(/Mất kết nối với máy chủ/).waitFor({ state: 'detached', timeout: 20_000 });
    await expect
      .poll(() => terminal.getByTestId('waiting-number').allTextContents())
      .toContain(issuedWhileOffline.number);

    // English on request.
    await terminal.getByRole('button', { name: 'English' }).click();
    await terminal.getByText('Call next', { exact: true }).waitFor();
    await checkPageState(terminal, 'counter-10-english');
    await terminal.getByRole('button', { name: 'Tiếng Việt' }).click();

    // A tablet-sized terminal for the same counter takes the session over: the first shows why.
    const takeover = await openPaired('counter', Q3, { width: 800, height: 1280 }, '/counter/');
    await takeover.getByTestId('takeover-warning').waitFor();
    await checkPageState(takeover, 'counter-11-sign-in-takeover-warning-tablet');
    await signIn(takeover, 'canbo3');
    await terminal.getByTestId('session-notice').waitFor();
    expect(await text(terminal, 'session-notice')).toContain(
      'có người vừa đăng nhập vào quầy này trên một máy khác',
    );
    await checkPageState(terminal, 'counter-12-taken-over');
    await checkPageState(takeover, 'counter-13-tablet-size');

    // The new holder may act, and the screen answers within a blink (measured: key press to new number shown).
    const started = performance.now();
    await press(takeover, '1');
    await takeover.getByTestId('current-number').filter({ hasText: 'B003' }).waitFor();
    const answeredMs = performance.now() - started;
    console.info(`counter e2e: key "1" to B003 on screen in ${answeredMs.toFixed(0)} ms`);
    expect(answeredMs).toBeLessThan(2_000);
    expect(ticketNamed('B003')).toMatchObject({ status: 'called', counterId: 'q3', clerkId: 'cb3' });
    await checkPageState(takeover, 'counter-13b-tablet-size-called');
  });

  it('signs an idle clerk out after config.terminals.idleSignOutMinutes (browser clock fast-forwarded)', async () => {
    const page = await openPaired('counter', Q5, { width: 1366, height: 768 }, '/counter/', true);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await signIn(page, 'canbo5');
    expect(counterState(Q5)?.clerkId).toBe('cb5');
    const minutes = server.service.hallConfig.terminals.idleSignOutMinutes;
    await page.clock.fastForward(`${minutes - 1}:00`);
    expect(await page.locator('[data-action="next"]').count()).toBe(1);
    await page.clock.fastForward('01:01');
    await page.getByTestId('session-notice').waitFor();
    expect(await text(page, 'session-notice')).toContain(
      `Đã tự động đăng xuất sau ${minutes} phút không thao tác.`,
    );
    await expect.poll(() => counterState(Q5)?.clerkId ?? null, { timeout: 15_000 }).toBeNull();
    await checkPageState(page, 'counter-14-idle-signed-out');
  });
});
