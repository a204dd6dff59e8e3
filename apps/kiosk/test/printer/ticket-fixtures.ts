import type { PrintableTicket } from '@luot/shared/ticket';

/** A small grey emblem (ring, bar and gradient), standing in for a hall's logo. */
export function emblem(size = 96): { width: number; height: number; pixels: Uint8Array } {
  const pixels = new Uint8Array(size * size);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      const isRing = distance > size * 0.38 && distance < size * 0.48;
      const isBar = Math.abs(y - centre) < size * 0.08 && distance < size * 0.38;
      pixels[y * size + x] = isRing || isBar ? 0 : 255 - Math.round((x / size) * 40);
    }
  }
  return { width: size, height: size, pixels };
}

/** The ticket the golden images show: every block present, Vietnamese that needs every subset. */
export const goldenTicket: PrintableTicket = {
  hallName: 'UBND Phường Bến Nghé',
  hallLogo: emblem(),
  number: 'A012',
  serviceName: 'Đất đai – Hộ tịch – Chứng thực',
  procedureName: 'Cấp giấy chứng nhận quyền sử dụng đất',
  priorityLabel: 'Người cao tuổi',
  issuedAt: Date.UTC(2026, 10, 29, 7, 5), // 14:05 in Hồ Chí Minh City
  timeZone: 'Asia/Ho_Chi_Minh',
  peopleAhead: 4,
  waitMinutes: { min: 10, max: 20 },
  statusUrl: 'http://hall:8080/t/k3x9',
};

/** A service name far longer than any line, with one word longer than a 58 mm line on its own. */
export const longServiceTicket: PrintableTicket = {
  ...goldenTicket,
  hallLogo: null,
  number: 'AB1000',
  serviceName:
    'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp; ' +
    'Đất đai; Hộ tịch; Người cao tuổi; Giấyphépxâydựngnhàởriênglẻđôthị',
  statusUrl: 'http://hall:8080/t/q7k2m9x4',
};
