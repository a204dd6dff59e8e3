// The diagnostics screen is for the hall's technician and manager, never a visitor: Vietnamese first, the
// English beside it on the same line (one screen serves both), in the glossary's words.

/** A Vietnamese text and its English. */
export type Bilingual = { readonly vi: string; readonly en: string };

const text = (vi: string, en: string): Bilingual => ({ vi, en });

export const DIAGNOSTICS_TEXT = {
  title: text('Kiểm tra kiosk', 'Kiosk diagnostics'),
  pinPrompt: text('Nhập mã PIN của cán bộ quản lý', 'Enter the manager PIN'),
  pinLabel: text('Mã PIN', 'PIN'),
  open: text('Mở', 'Open'),
  erase: text('Xóa', 'Erase'),
  cancel: text('Hủy', 'Cancel'),
  close: text('Đóng', 'Close'),
  wrongPin: text('Sai mã PIN. Còn {n} lần thử.', 'Wrong PIN. {n} tries left.'),
  locked: text(
    'Tạm khóa do nhập sai nhiều lần. Thử lại sau {n} giây.',
    'Locked after too many wrong PINs. Try again in {n} s.',
  ),
  notConfigured: text(
    'Chưa đặt mã PIN quản lý cho kiosk này (managerPin trong tệp cài đặt kiosk).',
    'No manager PIN is set for this kiosk (managerPin in the kiosk settings file).',
  ),
  version: text('Phiên bản', 'Version'),
  kioskProgram: text('Chương trình kiosk', 'Kiosk program'),
  server: text('Máy chủ', 'Server'),
  serverAddress: text('Địa chỉ máy chủ', 'Server address'),
  serverLink: text('Kết nối máy chủ', 'Server link'),
  serverReachable: text(
    'Kết nối được ({ms} ms), phiên bản {version}',
    'Reachable ({ms} ms), version {version}',
  ),
  serverUnreachable: text('Không kết nối được máy chủ', 'The server cannot be reached'),
  checking: text('Đang kiểm tra…', 'Checking…'),
  printer: text('Máy in', 'Printer'),
  connection: text('Kết nối', 'Connection'),
  paper: text('Khổ giấy', 'Paper'),
  status: text('Trạng thái', 'Status'),
  files: text('Tệp cài đặt và nhật ký', 'Settings and log files'),
  testPrint: text('In thử', 'Test print'),
  printing: text('Đang in thử…', 'Printing a test page…'),
  testPrinted: text('Đã in thử. Kiểm tra tờ giấy in ra.', 'Test page printed. Check the paper.'),
  testFailed: text('In thử không được: {reason}', 'Test print failed: {reason}'),
  choosePrinter: text('Chọn máy in', 'Choose the printer'),
  windowsPrinters: text('Máy in của Windows', 'Windows printers'),
  windowsHint: text(
    'Máy in giữ nguyên driver của hãng. Chọn "qua driver" chỉ khi máy in không in được lệnh ESC/POS.',
    'The printer keeps its vendor driver. Choose "via driver" only if it cannot print ESC/POS.',
  ),
  useRaw: text('Dùng máy in này', 'Use this printer'),
  useDriver: text('Dùng qua driver', 'Use via driver'),
  defaultPrinter: text('mặc định', 'default'),
  usbDevices: text('Thiết bị USB (WinUSB / libusb)', 'USB devices (WinUSB / libusb)'),
  usbPrinterClass: text('máy in', 'printer'),
  useUsb: text('Dùng thiết bị này', 'Use this device'),
  network: text('Máy in mạng (cổng 9100)', 'Network printer (port 9100)'),
  host: text('Địa chỉ IP', 'IP address'),
  port: text('Cổng', 'Port'),
  useNetwork: text('Dùng máy in mạng', 'Use the network printer'),
  none: text('Không có', 'None'),
  listProblem: text('Không đọc được danh sách: {reason}', 'Cannot read the list: {reason}'),
  saved: text('Đã lưu và đang dùng: {printer}', 'Saved and in use: {printer}'),
  notSaved: text('Không lưu được: {reason}', 'Not saved: {reason}'),
  back: text('Quay lại', 'Back'),
  loading: text('Đang đọc danh sách…', 'Reading the list…'),
} as const satisfies Record<string, Bilingual>;

export type DiagnosticsTextKey = keyof typeof DIAGNOSTICS_TEXT;

/** A text with `{name}` placeholders filled in. */
export function fill(text: Bilingual, values: Readonly<Record<string, string | number>> = {}): Bilingual {
  const apply = (template: string): string =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
  return { vi: apply(text.vi), en: apply(text.en) };
}
