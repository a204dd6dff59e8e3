/**
 * What a printed ticket says, as a layout model independent of any printer: the kiosk's renderer draws
 * it to a raster, tests read it without a printer.
 */
export {
  printableTicketSchema,
  ticketLogoSchema,
  type PrintableTicket,
  type TicketLogo,
} from './printable-ticket.ts';
export {
  layoutTicket,
  DEFAULT_TICKET_FOOTER,
  type TicketLayout,
  type TicketBlock,
  type TicketTextBlock,
  type TicketTextRole,
  type TicketTextSize,
  type TicketTextWeight,
  type TicketTextAlign,
  type TicketTextLanguage,
} from './layout.ts';
export { wrapText, type MeasureText } from './wrap.ts';
export { formatIssuedAt, formatMinuteRange } from './format.ts';
