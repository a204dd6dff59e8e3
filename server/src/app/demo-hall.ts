import type { HallConfig, LocalizedText, ServiceConfig } from '@luot/shared/domain';
import {
  DEFAULT_ANNOUNCEMENT,
  DEFAULT_POLICY,
  DEFAULT_PRIORITY_GROUPS,
  DEFAULT_SATISFACTION_LEVELS,
  DEFAULT_TERMINALS,
  asClerkId,
  asCounterId,
  asFieldId,
  asProcedureId,
  asServiceId,
} from '@luot/shared/domain';

const text = (vi: string, en: string): LocalizedText => ({ vi, en });

function service(
  id: string,
  fieldId: string,
  name: LocalizedText,
  prefix: string,
  expectedServiceMinutes: number,
  procedures: readonly [string, LocalizedText][] = [],
  dailyQuota: number | null = null,
): ServiceConfig {
  return {
    id: asServiceId(id),
    fieldId: asFieldId(fieldId),
    name,
    prefix,
    firstNumber: 1,
    dailyQuota,
    // The demo answers at any hour so that it can be tried in the evening; a hall sets its hours in the console.
    openingHours: [],
    expectedServiceMinutes,
    procedures: procedures.map(([procedureId, procedureName]) => ({
      id: asProcedureId(procedureId),
      name: procedureName,
    })),
    isActive: true,
    kioskOrder: 0,
  };
}

const services: ServiceConfig[] = [
  service(
    'dat-dai',
    'dat-dai',
    text('Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất', 'Land use right certificates'),
    'A',
    15,
    [
      ['dd-cap-lan-dau', text('Đăng ký, cấp Giấy chứng nhận lần đầu', 'First registration')],
      ['dd-bien-dong', text('Đăng ký biến động đất đai', 'Registration of changes')],
      ['dd-cap-doi', text('Cấp đổi, cấp lại Giấy chứng nhận', 'Replacement certificate')],
    ],
  ),
  service(
    'ho-tich',
    'ho-tich',
    text('Hộ tịch: khai sinh, kết hôn, khai tử', 'Civil status: births, marriages, deaths'),
    'B',
    8,
    [
      ['ht-khai-sinh', text('Đăng ký khai sinh', 'Birth registration')],
      ['ht-ket-hon', text('Đăng ký kết hôn', 'Marriage registration')],
      ['ht-khai-tu', text('Đăng ký khai tử', 'Death registration')],
      ['ht-xac-nhan', text('Cấp Giấy xác nhận tình trạng hôn nhân', 'Certificate of marital status')],
    ],
  ),
  service(
    'chung-thuc',
    'tu-phap',
    text('Chứng thực bản sao, chữ ký', 'Certified copies and signatures'),
    'C',
    4,
    [],
    300,
  ),
  service(
    'xay-dung',
    'xay-dung',
    text('Cấp giấy phép xây dựng nhà ở riêng lẻ', 'Building permits for houses'),
    'D',
    12,
  ),
  service(
    'kinh-doanh',
    'kinh-doanh',
    text('Đăng ký hộ kinh doanh', 'Household business registration'),
    'E',
    10,
    [
      ['kd-thanh-lap', text('Đăng ký thành lập hộ kinh doanh', 'New household business')],
      ['kd-thay-doi', text('Đăng ký thay đổi nội dung', 'Change of registration')],
    ],
  ),
  service(
    'ldtbxh',
    'ldtbxh',
    text('Chính sách người có công, bảo trợ xã hội', 'Veterans and social protection'),
    'G',
    10,
  ),
  service(
    'tai-nguyen',
    'tai-nguyen',
    text('Tài nguyên và môi trường', 'Natural resources and environment'),
    'H',
    10,
  ),
  service('tra-ket-qua', 'tra-ket-qua', text('Trả kết quả hồ sơ', 'Collect results'), 'K', 3),
].map((entry, index) => ({ ...entry, kioskOrder: index + 1 }));

const fields = [
  ['dat-dai', text('Đất đai', 'Land')],
  ['ho-tich', text('Hộ tịch', 'Civil status')],
  ['tu-phap', text('Tư pháp – Chứng thực', 'Justice – Certification')],
  ['xay-dung', text('Xây dựng', 'Construction')],
  ['kinh-doanh', text('Kinh doanh', 'Business')],
  ['ldtbxh', text('Lao động – Thương binh và Xã hội', 'Labour, Invalids and Social Affairs')],
  ['tai-nguyen', text('Tài nguyên – Môi trường', 'Natural resources – Environment')],
  ['tra-ket-qua', text('Trả kết quả', 'Results')],
] as const;

/** Counter → the services it serves, main service first. */
const counterServices: readonly (readonly string[])[] = [
  ['dat-dai', 'tai-nguyen'],
  ['dat-dai', 'xay-dung'],
  ['ho-tich', 'chung-thuc'],
  ['ho-tich'],
  ['chung-thuc', 'ho-tich'],
  ['kinh-doanh', 'xay-dung'],
  ['ldtbxh', 'tai-nguyen'],
  ['tra-ket-qua', 'dat-dai', 'ho-tich', 'chung-thuc', 'xay-dung', 'kinh-doanh', 'ldtbxh', 'tai-nguyen'],
];

const clerkNames: readonly [string, string][] = [
  ['Nguyễn Văn An', 'Công chức Địa chính'],
  ['Trần Thị Bình', 'Công chức Địa chính'],
  ['Lê Thị Cúc', 'Công chức Tư pháp – Hộ tịch'],
  ['Phạm Minh Đức', 'Công chức Tư pháp – Hộ tịch'],
  ['Hoàng Thu Hà', 'Công chức Tư pháp – Hộ tịch'],
  ['Vũ Quốc Khánh', 'Chuyên viên Phòng Kinh tế'],
  ['Đặng Thị Lan', 'Công chức Văn hóa – Xã hội'],
  ['Bùi Văn Minh', 'Chuyên viên Trung tâm'],
];

/**
 * The PIN every demo clerk starts with (only with LUOT_DEMO=1, docs/OPERATIONS.md). It is a weak PIN on
 * purpose, so that the quick start is easy to try: no manager can set it, and a real hall never has it.
 */
export const DEMO_CLERK_PIN = '1234';

/**
 * A demo hall modelled on a Vietnamese district one-stop centre: its usual fields, services with
 * prefixes and procedures, eight counters, eight clerks and the usual priority groups.
 */
export function demoHallConfig(timeZone = 'Asia/Ho_Chi_Minh'): HallConfig {
  return {
    hall: {
      name: 'Trung tâm Hành chính công huyện An Phú',
      address: 'Số 1 đường Trần Hưng Đạo, thị trấn An Phú',
      phone: '0210 3 812 345',
      timeZone,
      rolloverHour: 0,
      noticeLine:
        'Công dân vui lòng giữ phiếu và chú ý loa gọi số. Giờ làm việc: sáng 7:30–11:30, chiều 13:30–17:00, thứ Hai đến sáng thứ Bảy.',
    },
    fields: fields.map(([id, name], index) => ({ id: asFieldId(id), name, kioskOrder: index + 1 })),
    services,
    counters: counterServices.map((serviceIds, index) => ({
      id: asCounterId(`q${index + 1}`),
      number: index + 1,
      name: text(`Quầy số ${index + 1}`, `Counter ${index + 1}`),
      serviceIds: serviceIds.map(asServiceId),
      isActive: true,
    })),
    clerks: clerkNames.map(([name, title], index) => ({
      id: asClerkId(`cb${index + 1}`),
      name,
      title,
      username: `canbo${index + 1}`,
      isActive: true,
    })),
    priorityGroups: DEFAULT_PRIORITY_GROUPS,
    policy: DEFAULT_POLICY,
    satisfaction: {
      levels: DEFAULT_SATISFACTION_LEVELS,
      lowRatingReasons: [
        text('Thời gian chờ lâu', 'Long wait'),
        text('Thái độ phục vụ chưa tốt', 'Unfriendly service'),
        text('Hướng dẫn chưa rõ ràng', 'Unclear guidance'),
        text('Phải bổ sung hồ sơ nhiều lần', 'Asked for documents repeatedly'),
        text('Lý do khác', 'Other'),
      ],
    },
    announcement: DEFAULT_ANNOUNCEMENT,
    terminals: DEFAULT_TERMINALS,
  };
}

/**
 * The hall a production start creates (no LUOT_DEMO): its name and the house defaults, and nothing a
 * stranger could sign in with: no clerks, no counters, no services. The manager builds it in the console.
 */
export function emptyHallConfig(timeZone = 'Asia/Ho_Chi_Minh'): HallConfig {
  return {
    hall: {
      name: 'Trung tâm Phục vụ hành chính công',
      address: '',
      phone: '',
      timeZone,
      rolloverHour: 0,
      noticeLine: 'Công dân vui lòng giữ phiếu và chú ý loa gọi số.',
    },
    fields: [],
    services: [],
    counters: [],
    clerks: [],
    priorityGroups: DEFAULT_PRIORITY_GROUPS,
    policy: DEFAULT_POLICY,
    satisfaction: { levels: DEFAULT_SATISFACTION_LEVELS, lowRatingReasons: [] },
    announcement: DEFAULT_ANNOUNCEMENT,
    terminals: DEFAULT_TERMINALS,
  };
}
