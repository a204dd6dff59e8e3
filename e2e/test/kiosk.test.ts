// The kiosk's renderer in Debian's Chromium, served by a real hall server at /kiosk/ and driven by touch:
// pairing, the visitor's flow to a ticket (regular, with a procedure, priority), one ticket however many
// taps, services that are sold out, closed or suspended, a hall with 42 fields, a printer that cannot
// print (the only fake: the preload bridge, i.e. the printer), and the hall server going away.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldConfig, HallConfig, ServiceConfig, Ticket } from '@luot/shared/domain';
import { asFieldId, asServiceId } from '@luot/shared/domain';
import { launchBrowser } from '../support/browser.ts';
import type { PageProblems } from '../support/page-state.ts';
import { checkPageState, watchPage } from '../support/page-state.ts';
import { e2eRequestId, nodeDevice, startE2eHall } from '../support/hall.ts';

type Hall = Awaited<ReturnType<typeof startE2eHall>>;
type Viewport = { readonly width: number; readonly height: number };

const LANDSCAPE: Viewport = { width: 1920, height: 1080 };
const PORTRAIT: Viewport = { width: 1080, height: 1920 };

let demo: Hall;
let big: Hall;
let browser: Browser;
const contexts: BrowserContext[] = [];
// Pages are opened once and walked on from test to test (the tests run in order), as a kiosk would be:
// each new page costs a context, a load and a pairing, seconds on two busy cores.
let demoKiosk: Page;
let bigKiosk: Page;
const pageErrors: string[] = [];
/** Console errors and failed requests of each kiosk page, for the normal-day checks. */
const problemsOf = new WeakMap<Page, PageProblems>();

/** Monday 2 March 2026, 18:00 in the hall's zone, moving on with real time: after office hours. */
const MONDAY_EVENING = Date.UTC(2026, 2, 2, 11, 0);
const startedAt = Date.now();
const eveningClock = { now: () => MONDAY_EVENING + (Date.now() - startedAt) };

/**
 * The demo hall grown to 42 fields, with one service sold out after one ticket (chứng thực, quota 1) next
 * to an open one, one suspended (xây dựng) and one with office hours (kinh doanh, closed in the evening).
 */
function bigHallConfig(demoConfig: HallConfig): HallConfig {
  const names = [
    'Giáo dục và Đào tạo',
    'Y tế',
    'Văn hóa – Thể thao',
    'Du lịch',
    'Thông tin và Truyền thông',
    'Nội vụ',
    'Tôn giáo',
    'Thi đua – Khen thưởng',
    'Giao thông vận tải',
    'Nông nghiệp',
    'Thủy lợi',
    'Lâm nghiệp',
    'Công thương',
    'Khoa học và Công nghệ',
    'Tài chính',
    'Kế hoạch và Đầu tư',
    'Thanh tra',
    'Dân tộc',
    'Quốc phòng',
    'Công an',
    'Bảo hiểm xã hội',
    'Thuế',
    'Ngân hàng',
    'Điện lực',
    'Cấp nước',
    'Môi trường đô thị',
    'Phòng cháy chữa cháy',
    'Bảo trợ xã hội',
    'Trẻ em',
    'Người có công',
    'Lao động – Việc làm',
    'Hòa giải cơ sở',
    'Quốc tịch',
    'Nuôi con nuôi',
  ];
  const fields: FieldConfig[] = names.map((name, index) => ({
    id: asFieldId(`lv-${index + 1}`),
    name: { vi: name, en: `Field ${index + 1}` },
    kioskOrder: 100 + index,
  }));
  const template = demoConfig.services.find((service) => service.id === 'tra-ket-qua')!;
  const extra: ServiceConfig[] = fields.map((field, index) => ({
    ...template,
    id: asServiceId(`dv-${index + 1}`),
    fieldId: field.id,
    name: { vi: `Thủ tục lĩnh vực ${field.name.vi}`, en: `Service ${index + 1}` },
    prefix: `X${String.fromCharCode(65 + (index % 26))}`,
    kioskOrder: 100 + index,
  }));
  const contracts: ServiceConfig = {
    ...template,
    id: asServiceId('hop-dong'),
    fieldId: asFieldId('tu-phap'),
    name: { vi: 'Chứng thực hợp đồng, giao dịch', en: 'Certified contracts' },
    prefix: 'CH',
    kioskOrder: 50,
  };
  // A real procedure-length name: it must wrap on its button, never be cut, in both languages.
  const amendments: ServiceConfig = {
    ...template,
    id: asServiceId('sua-doi-hop-dong'),
    fieldId: asFieldId('tu-phap'),
    name: {
      vi: 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch và chứng thực chữ ký người dịch trong các giấy tờ, văn bản',
      en: 'Certification of amendments, supplements and cancellations of contracts and transactions, and of translators’ signatures on papers and documents',
    },
    prefix: 'SD',
    kioskOrder: 51,
  };
  const services = demoConfig.services.map((service): ServiceConfig => {
    if (service.id === 'chung-thuc') return { ...service, dailyQuota: 1 };
    if (service.id === 'xay-dung') return { ...service, isActive: false };
    if (service.id === 'kinh-doanh') {
      return {
        ...service,
        openingHours: [
          { weekdays: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' },
          { weekdays: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
        ],
      };
    }
    return service;
  });
  return {
    ...demoConfig,
    fields: [...demoConfig.fields, ...fields],
    services: [...services, contracts, amendments, ...extra],
  };
}

/**
 * The preload bridge as the Electron shell would expose it, backed by a fake printer (the hardware edge)
 * whose state the test sets through sessionStorage (so it survives a reload) or `window.__printer`.
 */
const FAKE_BRIDGE = `
  window.__printer = Object.assign(
    { state: 'ok', failPrints: null, delayMs: 0, printed: [] },
    JSON.parse(sessionStorage.getItem('e2e-printer') || '{}'),
  );
  Object.defineProperty(window, 'luotKiosk', {
    value: Object.freeze({
      printerStatus: async () => ({ state: window.__printer.state, detail: 'e2e printer ' + window.__printer.state }),
      print: async (ticket) => {
        await new Promise((resolve) => setTimeout(resolve, window.__printer.delayMs));
        if (window.__printer.failPrints) {
          return { ok: false, status: { state: 'offline', detail: 'e2e paper jam' }, failure: window.__printer.failPrints };
        }
        window.__printer.printed.push(ticket.number);
        return { ok: true, status: { state: window.__printer.state, detail: 'e2e printer ok' } };
      },
    }),
  });
`;

beforeAll(async () => {
  demo = await startE2eHall();
  big = await startE2eHall({ initialConfig: bigHallConfig(demo.service.hallConfig), clock: eveningClock });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await demo?.dispose();
  await big?.dispose();
});

/** A touch-screen kiosk PC of its own (own localStorage); paired through `?code=` unless told not to. */
async function openKiosk(
  hall: Hall,
  viewport: Viewport,
  options: { readonly isPaired?: boolean; readonly hasPrinterBridge?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    hasTouch: true,
    locale: 'vi-VN',
    deviceScaleFactor: 1,
  });
  contexts.push(context);
  if (options.hasPrinterBridge) await context.addInitScript(FAKE_BRIDGE);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  problemsOf.set(page, watchPage(page));
  if (options.isPaired === false) {
    await page.goto(`${hall.url}/kiosk/`);
    return page;
  }
  const { code } = hall.createPairingCode('kiosk', `Kiosk e2e ${contexts.length}`);
  await page.goto(`${hall.url}/kiosk/?code=${code}`);
  await ready(page, 'welcome');
  return page;
}

/** Wait until a step is on screen and its double-tap guard has passed. */
async function ready(page: Page, step: string): Promise<void> {
  await page.locator(`.kiosk[data-step="${step}"][data-ready="true"]`).waitFor();
}

/**
 * Touch a button and wait for the screen (or dialog) it leads to, past its double-tap guard. Every new
 * screen or dialog bumps `data-guard`, so a stale "ready" of the screen before is never mistaken for it.
 */
async function tap(page: Page, testId: string, next: string): Promise<void> {
  const guard =
    (await page.locator('.kiosk').count()) > 0
      ? await page.locator('.kiosk').getAttribute('data-guard')
      : null;
  await page.getByTestId(testId).tap();
  await page.locator(`.kiosk[data-step="${next}"][data-ready="true"]:not([data-guard="${guard}"])`).waitFor();
}

const shoot = (page: Page, name: string): Promise<unknown> => checkPageState(page, `kiosk-${name}`);

/** Screenshot the screen as a landscape kiosk and, turned, as a portrait one; the layout follows live. */
async function shootBoth(page: Page, name: string): Promise<void> {
  await shoot(page, `${name}-landscape`);
  await page.setViewportSize(PORTRAIT);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await shoot(page, `${name}-portrait`);
  await page.setViewportSize(LANDSCAPE);
}
const ticketsOf = (hall: Hall, serviceId: string): Ticket[] =>
  Object.values(hall.service.state.tickets).filter((ticket) => ticket.serviceId === serviceId);
const kioskPrinterStates = (hall: Hall): (string | undefined)[] =>
  hall.service
    .deviceStatuses()
    .filter((device) => device.kind === 'kiosk')
    .map((device) => device.printer?.state);

describe('kiosk renderer in Chromium against a real hall', () => {
  it('pairs with a code typed on its keypad or given in its URL, then welcomes visitors', async () => {
    const page = await openKiosk(demo, LANDSCAPE, { isPaired: false });
    await page.locator('[data-screen="pairing"]').waitFor();
    await shootBoth(page, 'pairing');
    for (const digit of '000000') await page.getByTestId(`key-${digit}`).tap();
    await page.getByTestId('key-submit').tap();
    await expect
      .poll(() => page.getByTestId('pairing-notice').textContent())
      .toContain('Mã không đúng hoặc đã hết hạn.');
    await shoot(page, 'pairing-refused');
    for (let index = 0; index < 6; index += 1) await page.getByTestId('key-erase').tap();
    const { code } = demo.createPairingCode('kiosk', 'Kiosk keypad');
    for (const digit of code) await page.getByTestId(`key-${digit}`).tap();
    await tap(page, 'key-submit', 'welcome');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Trung tâm Hành chính công huyện An Phú',
    );
    expect(await page.getByTestId('clock').textContent()).toMatch(/^\d{2}:\d{2}$/);
    await shootBoth(page, 'welcome');

    const linked = await openKiosk(demo, LANDSCAPE);
    expect(new URL(linked.url()).search).toBe('');
    await linked.getByTestId('language').tap();
    expect(await linked.getByTestId('start').textContent()).toContain('Touch here to take a number');
    // The date follows the language too.
    expect(await linked.locator('.kiosk-welcome__date').textContent()).toMatch(
      /^[A-Z][a-z]+day, \d{2}\/\d{2}\/\d{4}$/,
    );
    await shoot(linked, 'welcome-english');
    await linked.getByTestId('language').tap();
    demoKiosk = linked;
  });

  it('takes a visitor through field, procedure and ticket type to a number, with the ticket shown on screen', async () => {
    const page = demoKiosk;
    await tap(page, 'start', 'fields');
    await shootBoth(page, 'fields');
    await tap(page, 'field-ho-tich', 'procedures');
    await shootBoth(page, 'procedures');
    await tap(page, 'procedure-ht-khai-sinh', 'priority');
    await shootBoth(page, 'priority');
    await tap(page, 'priority-nguoi-co-cong', 'priority');
    expect(await page.getByRole('dialog').textContent()).toContain(
      'Ông/Bà thuộc diện: Người có công với cách mạng?',
    );
    await shootBoth(page, 'priority-confirm');
    await tap(page, 'confirm-no', 'priority');
    await tap(page, 'regular', 'result');
    expect(await page.getByTestId('ticket-number').textContent()).toBe('B001');
    expect(await page.getByTestId('ticket-preview-number').textContent()).toBe('B001');
    expect(await page.getByTestId('ticket-preview-qr').getAttribute('aria-label')).toMatch(
      new RegExp(`^${demo.url}/t/[A-Za-z0-9_-]{8,}$`),
    );
    // A browser kiosk has no printer: no "take your ticket from the slot", the ticket is on screen.
    expect(await page.getByTestId('take-ticket').count()).toBe(0);
    expect(await page.getByTestId('screen-ticket').textContent()).toContain('Máy này không có máy in');
    await shootBoth(page, 'result');

    expect(ticketsOf(demo, 'ho-tich')).toEqual([
      expect.objectContaining({
        number: 'B001',
        procedureId: 'ht-khai-sinh',
        priorityGroupId: null,
        status: 'waiting',
      }),
    ]);
    const [ticket] = ticketsOf(demo, 'ho-tich');
    await expect.poll(() => demo.service.state.tickets[ticket!.id]?.printState).toBe('printed');
    await tap(page, 'done', 'welcome');
    // A normal day: paired by its link, a visitor served; no console error, no failed request (no 404
    // for the favicon or for the logo this hall never set).
    expect(problemsOf.get(page)?.list()).toEqual([]);
    // A browser kiosk reports its "screen printer" to the manager's device list like a real one.
    expect(kioskPrinterStates(demo)).toContain('ok');
  });

  it('issues a priority ticket after the visitor confirms the group', async () => {
    const page = demoKiosk;
    await tap(page, 'start', 'fields');
    await tap(page, 'field-dat-dai', 'procedures');
    await tap(page, 'procedure-other', 'priority');
    await tap(page, 'priority-nguoi-cao-tuoi', 'priority');
    await tap(page, 'confirm-yes', 'result');
    expect(await page.getByTestId('ticket-priority').textContent()).toBe(
      'Ưu tiên: Người cao tuổi (từ 60 tuổi)',
    );
    await shoot(page, 'result-priority');
    expect(ticketsOf(demo, 'dat-dai')).toEqual([
      expect.objectContaining({ priorityGroupId: 'nguoi-cao-tuoi', procedureId: null }),
    ]);
  });

  it('gives exactly one ticket to a visitor who taps the last button again and again', async () => {
    const page = demoKiosk;
    await tap(page, 'done', 'welcome');
    await tap(page, 'start', 'fields');
    await tap(page, 'field-tra-ket-qua', 'priority');
    const box = (await page.getByTestId('regular').boundingBox())!;
    for (let index = 0; index < 8; index += 1)
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await ready(page, 'result');
    await page.waitForTimeout(500);
    expect(await page.locator('.kiosk').getAttribute('data-step')).toBe('result');
    expect(ticketsOf(demo, 'tra-ket-qua')).toHaveLength(1);
  });

  it("refuses with the printer's reason and issues nothing when it cannot print; keeps the number when printing fails", async () => {
    const page = await openKiosk(demo, LANDSCAPE, { hasPrinterBridge: true });
    const before = ticketsOf(demo, 'ldtbxh').length;
    await tap(page, 'start', 'fields');
    await tap(page, 'field-ldtbxh', 'priority');
    await page.evaluate(() => {
      (window as unknown as { __printer: { state: string } }).__printer.state = 'paper_out';
    });
    await tap(page, 'regular', 'refused');
    expect(await page.getByTestId('refusal-reason').textContent()).toBe('Máy in đã hết giấy.');
    await shootBoth(page, 'refused-printer');
    expect(ticketsOf(demo, 'ldtbxh')).toHaveLength(before);
    await expect.poll(() => kioskPrinterStates(demo)).toContain('paper_out');
    await tap(page, 'done', 'welcome');
    expect(await page.getByTestId('unavailable').textContent()).toContain('Máy in đã hết giấy.');
    await shoot(page, 'welcome-printer-out');

    // Paper loaded, but the print jams after the server recorded the number: the number stays on screen.
    await page.evaluate(() =>
      sessionStorage.setItem('e2e-printer', JSON.stringify({ failPrints: 'write_failed', delayMs: 800 })),
    );
    await page.reload();
    // After a reload the welcome screen re-arms its double-tap guard as the connection and the printer
    // come up, and drops a touch that lands in that window, as it should. Touch "start" again, as a
    // visitor would, until the fields appear (starting is only navigation, so a repeat is harmless).
    await ready(page, 'welcome');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await page.getByTestId('start').tap();
      const isOpen = await page
        .locator('.kiosk[data-step="fields"][data-ready="true"]')
        .waitFor({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
      if (isOpen) break;
    }
    await tap(page, 'field-ldtbxh', 'priority');
    await page.getByTestId('regular').tap();
    await page.locator('[data-screen="issuing"]').waitFor();
    await shoot(page, 'issuing');
    await ready(page, 'result');
    expect(await page.getByTestId('print-failed').textContent()).toContain('Không in được phiếu');
    // The status page's QR code is on screen instead of the paper, so a phone can follow the turn.
    expect(await page.getByTestId('status-qr').count()).toBe(1);
    // A real printer printed nothing: this is not a browser preview.
    expect(await page.getByTestId('ticket-preview').count()).toBe(0);
    await shootBoth(page, 'result-print-failed');
    const [ticket] = ticketsOf(demo, 'ldtbxh');
    expect(ticket?.number).toBe('G001');
    await expect.poll(() => demo.service.state.tickets[ticket!.id]?.printState).toBe('failed');
    expect(
      await page.evaluate(
        () => (window as unknown as { __printer: { printed: string[] } }).__printer.printed,
      ),
    ).toEqual([]);
  });

  it('pages 42 fields, disables sold-out, suspended and closed services with the reason, and refuses a number sold out meanwhile', async () => {
    const page = (bigKiosk = await openKiosk(big, LANDSCAPE));
    await tap(page, 'start', 'fields');
    expect(await page.getByTestId('page-label').textContent()).toBe('Trang 1/4');
    expect(await page.getByTestId('field-xay-dung').textContent()).toContain('Tạm ngừng tiếp nhận');
    expect(await page.getByTestId('field-kinh-doanh').textContent()).toContain(
      'Ngoài giờ tiếp nhận. Giờ tiếp nhận hôm nay: 07:30–11:30, 13:30–17:00',
    );
    expect(await page.getByTestId('field-kinh-doanh').isDisabled()).toBe(true);
    await shoot(page, 'fields-paged-landscape');
    await page.getByTestId('page-next').tap();
    expect(await page.getByTestId('page-label').textContent()).toBe('Trang 2/4');
    await shoot(page, 'fields-page-2-landscape');
    await page.getByTestId('page-previous').tap();

    // Chứng thực has one number left; another kiosk takes it while this visitor chooses.
    await tap(page, 'field-tu-phap', 'services');
    await tap(page, 'service-chung-thuc', 'priority');
    const other = await nodeDevice(big, 'kiosk');
    const ack = await other.emitWithAck('ticket:issue', {
      requestId: e2eRequestId(),
      serviceId: asServiceId('chung-thuc'),
    });
    other.close();
    expect(ack.ok).toBe(true);
    await tap(page, 'regular', 'refused');
    expect(await page.getByTestId('refusal-reason').textContent()).toBe(
      'Dịch vụ này đã hết số trong ngày hôm nay.',
    );
    await shoot(page, 'refused-quota');
    expect(ticketsOf(big, 'chung-thuc')).toHaveLength(1);

    await tap(page, 'done', 'welcome');
    await tap(page, 'start', 'fields');
    await tap(page, 'field-tu-phap', 'services');
    expect(await page.getByTestId('service-chung-thuc').isDisabled()).toBe(true);
    expect(await page.getByTestId('service-chung-thuc').textContent()).toContain('Đã hết số hôm nay');
    await shootBoth(page, 'services');
    // The long name wraps and the waiting count shows, in English too.
    expect(await page.getByTestId('service-sua-doi-hop-dong').textContent()).toContain('người đang chờ');
    await page.getByTestId('language').tap();
    expect(await page.getByTestId('service-sua-doi-hop-dong').textContent()).toContain('waiting');
    await shootBoth(page, 'services-english');
    await page.getByTestId('language').tap();
    await tap(page, 'back', 'fields');
    await page.setViewportSize(PORTRAIT);
    await shoot(page, 'fields-paged-portrait');
  });

  it('says in plain Vietnamese that the server is unreachable and issues nothing when the hall server goes away', async () => {
    const page = bigKiosk; // a portrait kiosk now, on the field screen
    await tap(page, 'field-tu-phap', 'services');
    await tap(page, 'service-hop-dong', 'priority');
    const before = Object.keys(big.service.state.tickets).length;
    await big.dispose();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Máy lấy số đang mất kết nối với máy chủ');
    await shoot(page, 'offline-banner-portrait');
    await tap(page, 'regular', 'refused');
    expect(await page.getByTestId('refusal-reason').textContent()).toBe(
      'Không kết nối được máy chủ của Trung tâm.',
    );
    expect(await page.getByTestId('retry').count()).toBe(1);
    await shoot(page, 'refused-offline-portrait');
    expect(Object.keys(big.service.state.tickets)).toHaveLength(before);
    await tap(page, 'done', 'welcome');
    expect(await page.getByTestId('unavailable').textContent()).toContain(
      'Máy lấy số đang mất kết nối với máy chủ',
    );
    await shoot(page, 'welcome-offline-portrait');
  });

  it('ran without a single script error in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
