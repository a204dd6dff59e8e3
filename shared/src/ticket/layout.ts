import { formatIssuedAt, formatMinuteRange } from './format.ts';
import type { PrintableTicket, TicketLogo } from './printable-ticket.ts';

/** Relative text size; the renderer maps each to dots for the paper width. */
export type TicketTextSize = 'small' | 'normal' | 'large';
/** Font weight of a text block. */
export type TicketTextWeight = 'regular' | 'bold';
/** Horizontal alignment of a text block. */
export type TicketTextAlign = 'left' | 'center' | 'right';
/** Language of a text block: Vietnamese first, an English line may follow in a smaller size. */
export type TicketTextLanguage = 'vi' | 'en';

/** What a text block is about, so tests and renderers can find a line without matching its wording. */
export type TicketTextRole =
  | 'hall'
  | 'title'
  | 'priority'
  | 'service-label'
  | 'service'
  | 'procedure-label'
  | 'procedure'
  | 'people-ahead'
  | 'wait'
  | 'issued-at'
  | 'counters'
  | 'validity'
  | 'notice'
  | 'qr-hint'
  | 'footer';

/** A paragraph of text. Renderers word-wrap it to the paper width (see `wrapText`) and never clip it. */
export type TicketTextBlock = {
  readonly kind: 'text';
  readonly role: TicketTextRole;
  readonly language: TicketTextLanguage;
  readonly text: string;
  readonly size: TicketTextSize;
  readonly weight: TicketTextWeight;
  readonly align: TicketTextAlign;
  /** White on black, for what a clerk must notice at a glance (priority). */
  readonly inverted: boolean;
};

/** One block of the ticket, top to bottom. */
export type TicketBlock =
  | { readonly kind: 'logo'; readonly logo: TicketLogo }
  | TicketTextBlock
  /** The ticket number as large as the paper allows; shrunk to fit, never wrapped (a split number misreads). */
  | { readonly kind: 'number'; readonly text: string }
  /** A QR code of `payload`, drawn as a raster by the renderer (no printer-native QR command). */
  | { readonly kind: 'qr'; readonly payload: string }
  /** A thin horizontal rule across the paper. */
  | { readonly kind: 'separator' }
  /** Vertical breathing space of about half a line. */
  | { readonly kind: 'gap' };

/** A printed ticket as an ordered list of blocks, independent of paper width and printer. */
export type TicketLayout = { readonly blocks: readonly TicketBlock[] };

/** The closing line when the hall configured none. */
export const DEFAULT_TICKET_FOOTER = 'Xin cảm ơn!';

type TextStyle = Pick<TicketTextBlock, 'size' | 'weight' | 'align'> & { readonly inverted?: boolean };

const text = (
  role: TicketTextRole,
  language: TicketTextLanguage,
  content: string,
  style: TextStyle,
): TicketTextBlock => ({
  kind: 'text',
  role,
  language,
  text: content.normalize('NFC'),
  size: style.size,
  weight: style.weight,
  align: style.align,
  inverted: style.inverted ?? false,
});

const centered = { align: 'center' } as const;
const english = { size: 'small', weight: 'regular', align: 'center' } as const;

/** A label and its value, held together on one line by a no-break space (see `wrapText`). */
const labelled = (label: string, value: string): string => `${label}:\u00a0${value}`;

/** People ahead as printed: "4", or "3–5" when several counters with different orders may call it. */
function aheadText(ticket: PrintableTicket): string {
  const most = ticket.peopleAheadMax ?? ticket.peopleAhead;
  return formatMinuteRange({ min: ticket.peopleAhead, max: Math.max(most, ticket.peopleAhead) });
}

/**
 * Lay out what a ticket says, Vietnamese first with an English line after each label. Pure: time
 * formatting uses the hall's time zone from the ticket, never the machine's. Every label is held to its
 * value, so a narrow ticket never prints a figure alone on the line below its label.
 */
export function layoutTicket(ticket: PrintableTicket): TicketLayout {
  const blocks: TicketBlock[] = [];
  if (ticket.hallLogo) blocks.push({ kind: 'logo', logo: ticket.hallLogo });
  blocks.push(
    text('hall', 'vi', ticket.hallName.toLocaleUpperCase('vi'), {
      ...centered,
      size: 'normal',
      weight: 'bold',
    }),
  );
  blocks.push({ kind: 'separator' });

  blocks.push(text('title', 'vi', 'SỐ THỨ TỰ', { ...centered, size: 'normal', weight: 'bold' }));
  blocks.push(text('title', 'en', 'Your number', english));
  blocks.push({ kind: 'number', text: ticket.number });
  if (ticket.priorityLabel) {
    blocks.push(
      text('priority', 'vi', `Ưu tiên: ${ticket.priorityLabel}`, {
        ...centered,
        size: 'normal',
        weight: 'bold',
        inverted: true,
      }),
    );
    blocks.push(text('priority', 'en', 'Priority visitor', english));
  }
  blocks.push({ kind: 'gap' });

  blocks.push(
    text('service-label', 'vi', 'Dịch vụ / Service', { ...centered, size: 'small', weight: 'regular' }),
  );
  blocks.push(text('service', 'vi', ticket.serviceName, { ...centered, size: 'large', weight: 'bold' }));
  if (ticket.procedureName) {
    blocks.push({ kind: 'gap' });
    blocks.push(
      text('procedure-label', 'vi', 'Thủ tục / Procedure', { ...centered, size: 'small', weight: 'regular' }),
    );
    blocks.push(
      text('procedure', 'vi', ticket.procedureName, { ...centered, size: 'normal', weight: 'regular' }),
    );
  }
  blocks.push({ kind: 'separator' });

  const left = { size: 'normal', weight: 'regular', align: 'left' } as const;
  const leftEnglish = { size: 'small', weight: 'regular', align: 'left' } as const;
  const ahead = aheadText(ticket);
  blocks.push(text('people-ahead', 'vi', labelled('Số người chờ trước', ahead), left));
  blocks.push(text('people-ahead', 'en', labelled('People ahead of you', ahead), leftEnglish));
  if (ticket.waitMinutes) {
    const range = formatMinuteRange(ticket.waitMinutes);
    blocks.push(text('wait', 'vi', labelled('Thời gian chờ dự kiến', `${range}\u00a0phút`), left));
    blocks.push(text('wait', 'en', labelled('Estimated wait', `${range}\u00a0min`), leftEnglish));
  }
  if (ticket.counterNumbers && ticket.counterNumbers.length > 0) {
    const counters = ticket.counterNumbers.join(', ');
    blocks.push(text('counters', 'vi', labelled('Quầy phục vụ', counters), left));
    blocks.push(text('counters', 'en', labelled('Served at counters', counters), leftEnglish));
  }
  const issuedAt = formatIssuedAt(ticket.issuedAt, ticket.timeZone);
  blocks.push(text('issued-at', 'vi', labelled('Giờ lấy số', issuedAt), left));
  blocks.push(text('issued-at', 'en', labelled('Issued at', issuedAt), leftEnglish));
  const day = issuedAt.split(' ')[0] ?? issuedAt;
  blocks.push(text('validity', 'vi', `Phiếu có giá trị trong ngày ${day}`, left));
  blocks.push(text('validity', 'en', `Valid on ${day} only`, leftEnglish));
  if (ticket.notice) {
    blocks.push(text('notice', 'vi', ticket.notice, { size: 'small', weight: 'regular', align: 'left' }));
  }
  blocks.push({ kind: 'separator' });

  blocks.push({ kind: 'qr', payload: ticket.statusUrl });
  blocks.push(
    text('qr-hint', 'vi', 'Ông/Bà quét mã QR để theo dõi lượt của mình', {
      ...centered,
      size: 'normal',
      weight: 'regular',
    }),
  );
  blocks.push(text('qr-hint', 'en', 'Scan the QR code to follow your turn', english));
  blocks.push({ kind: 'gap' });

  const footer = ticket.footer ?? DEFAULT_TICKET_FOOTER;
  blocks.push(text('footer', 'vi', footer, { ...centered, size: 'normal', weight: 'bold' }));
  if (ticket.footer === undefined) blocks.push(text('footer', 'en', 'Thank you!', english));
  return { blocks };
}
