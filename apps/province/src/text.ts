import { createContext, useContext } from 'react';
import type { LocalizedText } from '@luot/shared/domain';
import { PASSWORD_LENGTH } from '@luot/shared/domain';
import { formatDateVi, formatTimeVi } from '@luot/shared/text';

/** The console's languages: Vietnamese first. */
export type Locale = 'vi' | 'en';

/**
 * The province console's words, Vietnamese first (the glossary's terms: Trung tâm, cấp số, vắng mặt,
 * mức độ hài lòng, "90% số lượt chờ không quá …"), English second.
 */
const WORDS = {
  appTitle: { vi: 'Lượt — Trung tâm tỉnh', en: 'Lượt — Province hub' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  newPassword: {
    vi: `Mật khẩu mới (ít nhất ${PASSWORD_LENGTH.min} ký tự)`,
    en: `New password (at least ${PASSWORD_LENGTH.min} characters)`,
  },
  changePassword: { vi: 'Đổi mật khẩu', en: 'Change password' },
  mustChange: {
    vi: 'Vui lòng đổi mật khẩu mặc định trước khi tiếp tục.',
    en: 'Please change the default password first.',
  },
  badCredentials: { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' },
  lockedOut: {
    vi: 'Tài khoản tạm khóa do nhập sai nhiều lần. Vui lòng thử lại sau.',
    en: 'Locked after too many attempts. Try again later.',
  },
  unreachable: { vi: 'Không kết nối được máy chủ tỉnh.', en: 'The hub cannot be reached.' },
  tabHalls: { vi: 'Các Trung tâm', en: 'Halls' },
  tabReports: { vi: 'Báo cáo', en: 'Reports' },
  tabCatalogue: { vi: 'Danh mục dịch vụ', en: 'Service catalogue' },
  language: { vi: 'English', en: 'Tiếng Việt' },
  hall: { vi: 'Trung tâm', en: 'Hall' },
  link: { vi: 'Kết nối', en: 'Link' },
  connected: { vi: 'Đang kết nối', en: 'Connected' },
  offlineSince: { vi: 'Mất kết nối từ', en: 'Offline since' },
  neverConnected: { vi: 'Chưa kết nối', en: 'Never connected' },
  revoked: { vi: 'Đã thu hồi khóa', en: 'Key revoked' },
  notEnrolled: { vi: 'Chờ đăng ký', en: 'Awaiting enrolment' },
  eventsBehind: { vi: 'Sự kiện chưa nhận', en: 'Events behind' },
  waitingNow: { vi: 'Đang chờ', en: 'Waiting' },
  countersServing: { vi: 'Quầy đang phục vụ', en: 'Counters serving' },
  issuedToday: { vi: 'Đã cấp hôm nay', en: 'Issued today' },
  servedToday: { vi: 'Đã phục vụ', en: 'Served' },
  noShowToday: { vi: 'Vắng mặt', en: 'No-show' },
  satisfactionToday: { vi: 'Hài lòng hôm nay', en: 'Satisfied today' },
  alerts: { vi: 'Cảnh báo', en: 'Alerts' },
  alertOffline: { vi: 'Mất kết nối quá 10 phút', en: 'Offline over 10 minutes' },
  alertWait: { vi: 'Có công dân chờ quá', en: 'A citizen has waited over' },
  alertSatisfaction: { vi: 'Mức độ hài lòng dưới', en: 'Satisfaction under' },
  noAlert: { vi: 'Bình thường', en: 'Normal' },
  addHall: { vi: 'Thêm Trung tâm', en: 'Add a hall' },
  hallName: { vi: 'Tên Trung tâm', en: 'Hall name' },
  enrolmentCode: {
    vi: 'Mã đăng ký (dùng một lần, hết hạn sau 7 ngày)',
    en: 'Enrolment code (one use, 7 days)',
  },
  enrolHint: {
    vi: 'Trên máy chủ của Trung tâm, chạy: pnpm luot hub-enrol --url <địa chỉ máy chủ tỉnh> --code <mã>',
    en: 'On the hall server, run: pnpm luot hub-enrol --url <hub address> --code <code>',
  },
  newCode: { vi: 'Cấp mã mới', en: 'New code' },
  revoke: { vi: 'Thu hồi khóa', en: 'Revoke key' },
  confirmRevoke: {
    vi: 'Thu hồi khóa của Trung tâm này? Trung tâm sẽ ngừng gửi dữ liệu cho đến khi đăng ký lại.',
    en: 'Revoke this hall’s key? It stops shipping until it enrols again.',
  },
  noHalls: { vi: 'Chưa có Trung tâm nào.', en: 'No hall yet.' },
  updatedAt: { vi: 'Cập nhật lúc', en: 'Updated at' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  targetWait: { vi: 'Thời gian chờ mục tiêu (phút)', en: 'Target wait (minutes)' },
  show: { vi: 'Xem báo cáo', en: 'Show report' },
  exportCsv: { vi: 'Tải CSV', en: 'Download CSV' },
  exportXlsx: { vi: 'Tải Excel (XLSX)', en: 'Download Excel (XLSX)' },
  province: { vi: 'Toàn tỉnh', en: 'Province' },
  issued: { vi: 'Số đã cấp', en: 'Issued' },
  served: { vi: 'Đã phục vụ', en: 'Served' },
  noShow: { vi: 'Vắng mặt', en: 'No-show' },
  noShowRate: { vi: 'Tỷ lệ vắng mặt', en: 'No-show rate' },
  waitMedian: { vi: 'Chờ trung vị', en: 'Median wait' },
  waitP90: { vi: '90% số lượt chờ không quá', en: '90% waited at most' },
  serviceTime: { vi: 'Thời gian phục vụ trung bình', en: 'Average service time' },
  withinTarget: { vi: 'Được gọi trong thời gian mục tiêu', en: 'Called within the target' },
  satisfaction: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
  ratings: { vi: 'Số phiếu đánh giá', en: 'Ratings' },
  ranking: { vi: 'Xếp hạng các Trung tâm', en: 'Ranking of halls' },
  rankBy: { vi: 'Xếp theo', en: 'Rank by' },
  byField: { vi: 'Theo lĩnh vực', en: 'By field' },
  byService: { vi: 'Theo dịch vụ', en: 'By service' },
  byDay: { vi: 'Số đã cấp theo ngày', en: 'Issued per day' },
  satisfactionChart: { vi: 'Mức độ hài lòng theo Trung tâm (%)', en: 'Satisfaction by hall (%)' },
  formula: {
    vi: 'Mức độ hài lòng = số phiếu ở các mức hài lòng / tổng số phiếu đánh giá × 100 (thang của từng Trung tâm, như báo cáo của Trung tâm).',
    en: 'Satisfaction = ratings at a satisfied level / all ratings × 100 (each hall’s own scale, as in the hall’s report).',
  },
  catalogueIntro: {
    vi: 'Danh mục lĩnh vực, dịch vụ và thủ tục dùng chung của tỉnh. Các Trung tâm xem thay đổi và chấp nhận trong trang quản lý của mình.',
    en: 'The province’s shared fields, services and procedures. Halls review the changes and accept them in their own console.',
  },
  catalogueVersion: { vi: 'Phiên bản', en: 'Version' },
  noCatalogue: { vi: 'Chưa có danh mục.', en: 'No catalogue yet.' },
  takeFromHall: { vi: 'Lấy danh mục từ Trung tâm', en: 'Take the catalogue of a hall' },
  editJson: { vi: 'Sửa danh mục (JSON)', en: 'Edit the catalogue (JSON)' },
  save: { vi: 'Lưu phiên bản mới', en: 'Save a new version' },
  saved: { vi: 'Đã lưu phiên bản', en: 'Saved version' },
  invalid: { vi: 'Danh mục không hợp lệ', en: 'Invalid catalogue' },
  fields: { vi: 'Lĩnh vực', en: 'Fields' },
  services: { vi: 'Dịch vụ', en: 'Services' },
  procedures: { vi: 'Thủ tục', en: 'Procedures' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  close: { vi: 'Đóng', en: 'Close' },
} as const satisfies Record<string, LocalizedText>;

/** A word of the console. */
export type WordId = keyof typeof WORDS;

export const LocaleContext = createContext<Locale>('vi');

/** A translator bound to the console's language. */
export function useWords(): {
  locale: Locale;
  w: (id: WordId) => string;
  name: (text: LocalizedText) => string;
} {
  const locale = useContext(LocaleContext);
  return {
    locale,
    w: (id) => WORDS[id][locale],
    name: (text) => (locale === 'en' && text.en ? text.en : text.vi),
  };
}

const numberLocale = (locale: Locale): string => (locale === 'vi' ? 'vi-VN' : 'en-GB');

/** "12,5 phút" from milliseconds; "—" without a value. */
export function formatMinutes(locale: Locale, ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round((ms / 60_000) * 10) / 10;
  return `${minutes.toLocaleString(numberLocale(locale))} ${locale === 'vi' ? 'phút' : 'min'}`;
}

/** "87,5 %"; "—" without a value. */
export function formatPercent(locale: Locale, value: number | null): string {
  if (value === null) return '—';
  return `${(Math.round(value * 10) / 10).toLocaleString(numberLocale(locale))} %`;
}

/** A whole number with the language's grouping ("16.060.000"). */
export const formatCount = (locale: Locale, value: number): string =>
  value.toLocaleString(numberLocale(locale));

const ZONE = 'Asia/Ho_Chi_Minh';

/** "Thứ Hai, 07/12/2026 08:47" in Vietnam's time (the province's halls share it). */
export function formatWhen(locale: Locale, at: number): string {
  if (locale === 'vi') return `${formatDateVi(at, ZONE)} ${formatTimeVi(at, ZONE)}`;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
}

/** A business day `2026-12-07` as "07/12/2026". */
export const formatDay = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** Today's business day in Vietnam, `YYYY-MM-DD`. */
export function todayInVietnam(now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(now));
}
