// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { asPriorityGroupId, emptyQueueState, type QueueState } from '@luot/shared/domain';
import { FieldScreen } from '../../src/renderer/FieldScreen.tsx';
import { kioskCatalogue, type FieldChoice } from '../../src/renderer/catalogue.ts';
import { PriorityScreen } from '../../src/renderer/PriorityScreen.tsx';
import { ProcedureScreen } from '../../src/renderer/ProcedureScreen.tsx';
import { ServiceScreen } from '../../src/renderer/ServiceScreen.tsx';
import { WelcomeScreen } from '../../src/renderer/WelcomeScreen.tsx';
import { MONDAY_8PM, MONDAY_9AM, ZONE, bigHall, testHall } from './hall-fixture.ts';

afterEach(cleanup);

const config = testHall();
const empty = emptyQueueState('2026-03-02');
/** The first page of a 4 × 3 grid, for screens whose paging a test does not look at. */
const firstPage = { columns: 4, rows: 3, page: 0, onPage: vi.fn() };

describe('WelcomeScreen', () => {
  const props = {
    hallName: 'UBND Phường Bến Nghé',
    now: MONDAY_9AM,
    timeZone: ZONE,
    locale: 'vi' as const,
    onLocale: vi.fn(),
    unavailable: null,
    isScreenPrinter: false,
    onStart: vi.fn(),
  };

  it('shows the hall, the date and time in the hall zone, and one way to start', () => {
    render(<WelcomeScreen {...props} />);
    expect(screen.getByRole('heading', { name: 'UBND Phường Bến Nghé' })).toBeTruthy();
    expect(screen.getByText('Thứ Hai, 02/03/2026')).toBeTruthy();
    expect(screen.getByTestId('clock').textContent).toBe('09:00');
    fireEvent.click(screen.getByRole('button', { name: /Nhấn vào đây để lấy số thứ tự/ }));
    expect(props.onStart).toHaveBeenCalledTimes(1);
  });

  it('switches to English at one touch', () => {
    render(<WelcomeScreen {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(props.onLocale).toHaveBeenCalledWith('en');
    cleanup();
    render(<WelcomeScreen {...props} locale="en" />);
    expect(screen.getByRole('button', { name: /Touch here to take a number/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tiếng Việt' })).toBeTruthy();
    // The date too is English on an English screen.
    expect(screen.getByText('Monday, 02/03/2026')).toBeTruthy();
  });

  it('in a browser without a printer, never sends the visitor to a printer slot', () => {
    render(<WelcomeScreen {...props} isScreenPrinter />);
    expect(document.body.textContent).not.toContain('khe máy in');
    expect(document.body.textContent).toContain('hiện ngay trên màn hình');
  });

  it('replaces the start button with the reason when no ticket can be given', () => {
    render(<WelcomeScreen {...props} unavailable={{ message: 'Máy in đã hết giấy.' }} />);
    expect(screen.queryByTestId('start')).toBeNull();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Tạm thời chưa lấy được số');
    expect(alert.textContent).toContain('Máy in đã hết giấy.');
  });
});

describe('FieldScreen', () => {
  it('pages a hall with 42 fields twelve at a time instead of scrolling', () => {
    const catalogue = kioskCatalogue(bigHall(38), empty, MONDAY_9AM);
    expect(catalogue).toHaveLength(42);
    const onPage = vi.fn();
    const { rerender } = render(
      <FieldScreen
        fields={catalogue}
        locale="vi"
        columns={4}
        rows={3}
        page={0}
        onPage={onPage}
        onChoose={vi.fn()}
      />,
    );
    expect(
      screen
        .getAllByRole('button', { name: /./ })
        .filter((button) => button.dataset.testid?.startsWith('field-')),
    ).toHaveLength(12);
    expect(screen.getByTestId('page-label').textContent).toBe('Trang 1/4');
    expect(screen.getByTestId<HTMLButtonElement>('page-previous').disabled).toBe(true);
    fireEvent.click(screen.getByTestId('page-next'));
    expect(onPage).toHaveBeenCalledWith(1);
    rerender(
      <FieldScreen
        fields={catalogue}
        locale="vi"
        columns={4}
        rows={3}
        page={3}
        onPage={onPage}
        onChoose={vi.fn()}
      />,
    );
    expect(screen.getByTestId('page-label').textContent).toBe('Trang 4/4');
    expect(screen.getByTestId('field-linh-vuc-38').textContent).toContain('Lĩnh vực số 38');
    expect(screen.getByTestId<HTMLButtonElement>('page-next').disabled).toBe(true);
  });

  it('names a single service under its field, counts several, and disables a field with nothing open', () => {
    const soldOut: QueueState = { ...empty, lastSequence: { 'chung-thuc': 2 } };
    const onChoose = vi.fn<(choice: FieldChoice) => void>();
    render(
      <FieldScreen
        fields={kioskCatalogue(config, soldOut, MONDAY_9AM)}
        locale="vi"
        {...firstPage}
        onChoose={onChoose}
      />,
    );
    expect(screen.getByTestId('field-dat-dai').textContent).toContain('2 dịch vụ');
    expect(screen.getByTestId('field-ho-tich').textContent).toContain('Hộ tịch: khai sinh, kết hôn');
    const justice = screen.getByTestId<HTMLButtonElement>('field-tu-phap');
    expect(justice.disabled).toBe(true);
    expect(justice.textContent).toContain('Đã hết số hôm nay');
    expect(screen.getByTestId('field-thue').textContent).toContain('Tạm ngừng tiếp nhận');
    expect(screen.queryByTestId('field-trong')).toBeNull();
    expect(screen.queryByTestId('pager')).toBeNull();
    fireEvent.click(justice);
    expect(onChoose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('field-ho-tich'));
    expect(onChoose.mock.calls.map(([choice]) => choice.field.id)).toEqual(['ho-tich']);
  });
});

describe('a service added in a hurry (empty English name)', () => {
  it('is never a blank button: English screens fall back to the Vietnamese name', () => {
    const hurried = {
      ...config,
      services: config.services.map((service) =>
        service.id === 'ho-tich' ? { ...service, name: { vi: 'Dịch vụ mới', en: '' } } : service,
      ),
    };
    render(
      <FieldScreen
        fields={kioskCatalogue(hurried, empty, MONDAY_9AM)}
        locale="en"
        {...firstPage}
        onChoose={vi.fn()}
      />,
    );
    expect(screen.getByTestId('field-ho-tich').textContent).toContain('Dịch vụ mới');
    for (const button of screen.getAllByRole('button')) expect(button.textContent?.trim()).not.toBe('');
  });
});

describe('ServiceScreen', () => {
  it("shows each service with its queue, and a closed one with today's hours, in either language", () => {
    const land = kioskCatalogue(config, empty, MONDAY_8PM)[0]!;
    const onChoose = vi.fn();
    const { rerender } = render(
      <ServiceScreen field={land} locale="vi" {...firstPage} onChoose={onChoose} />,
    );
    expect(screen.getByRole('heading').textContent).toContain('Chọn dịch vụ');
    expect(screen.getByTestId('service-dat-dai').textContent).toContain('0 người đang chờ');
    const survey = screen.getByTestId<HTMLButtonElement>('service-do-dac');
    expect(survey.disabled).toBe(true);
    expect(survey.textContent).toContain('Ngoài giờ tiếp nhận. Giờ tiếp nhận hôm nay: 07:30–11:30');
    fireEvent.click(screen.getByTestId('service-dat-dai'));
    expect(onChoose).toHaveBeenCalledTimes(1);
    rerender(<ServiceScreen field={land} locale="en" {...firstPage} onChoose={onChoose} />);
    expect(screen.getByTestId('service-do-dac').textContent).toContain(
      "Closed at this time. Today's hours: 07:30–11:30",
    );
    expect(screen.getByTestId('service-dat-dai').textContent).toContain('Land certificates');
  });
});

describe('ProcedureScreen', () => {
  it('lists the service\'s procedures and always offers "another or not sure"', () => {
    const civil = config.services.find((service) => service.id === 'ho-tich')!;
    const onChoose = vi.fn();
    render(<ProcedureScreen service={civil} locale="vi" {...firstPage} onChoose={onChoose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Đăng ký kết hôn' }));
    expect(onChoose).toHaveBeenLastCalledWith('ket-hon');
    fireEvent.click(screen.getByRole('button', { name: 'Thủ tục khác hoặc chưa rõ' }));
    expect(onChoose).toHaveBeenLastCalledWith(null);
  });
});

describe('PriorityScreen', () => {
  const base = {
    groups: config.priorityGroups,
    locale: 'vi' as const,
    onRegular: vi.fn(),
    onPick: vi.fn(),
    onConfirm: vi.fn(),
    onCancel: vi.fn(),
  };

  it('takes a regular ticket with one touch; a priority button only asks for confirmation', () => {
    render(<PriorityScreen {...base} confirming={null} />);
    expect(screen.getByRole('heading', { name: /Số ưu tiên dành cho/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Lấy số thường/ }));
    expect(base.onRegular).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Người cao tuổi' }));
    expect(base.onPick).toHaveBeenCalledWith('nguoi-cao-tuoi');
    expect(base.onConfirm).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('confirms a priority group by name, or goes back', () => {
    render(<PriorityScreen {...base} confirming={asPriorityGroupId('phu-nu-mang-thai')} />);
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('Ông/Bà thuộc diện: Phụ nữ mang thai?')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đúng, lấy số ưu tiên' }));
    expect(base.onConfirm).toHaveBeenCalledWith('phu-nu-mang-thai');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Không, quay lại' }));
    expect(base.onCancel).toHaveBeenCalledTimes(1);
  });
});
