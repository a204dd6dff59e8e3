import { create as createQr } from 'qrcode';
import type { PrintableTicket, TicketBlock } from '@luot/shared/ticket';
import { layoutTicket } from '@luot/shared/ticket';

/**
 * The printed ticket drawn on screen, from the same layout model the thermal printer renders; used in
 * a plain browser, where there is no printer. The QR code is drawn as SVG (no canvas, no network).
 */
export function TicketPreview(props: { readonly ticket: PrintableTicket; readonly caption: string }) {
  const { blocks } = layoutTicket(props.ticket);
  return (
    <figure className="kiosk-ticket" data-testid="ticket-preview">
      <figcaption className="kiosk-ticket__caption">{props.caption}</figcaption>
      <div className="kiosk-ticket__paper" lang="vi">
        {blocks.map((block, index) => (
          <TicketBlockView key={index} block={block} />
        ))}
      </div>
    </figure>
  );
}

function TicketBlockView({ block }: { readonly block: TicketBlock }) {
  switch (block.kind) {
    case 'logo':
      // The browser preview has no hall logo (it is a printer-side image); leave its room empty.
      return null;
    case 'separator':
      return <hr className="kiosk-ticket__rule" />;
    case 'gap':
      return <div className="kiosk-ticket__gap" />;
    case 'number':
      return (
        <div className="kiosk-ticket__number" data-testid="ticket-preview-number">
          {block.text}
        </div>
      );
    case 'qr':
      return <QrCode payload={block.payload} />;
    case 'text': {
      const classes = [
        'kiosk-ticket__text',
        `kiosk-ticket__text--${block.size}`,
        `kiosk-ticket__text--${block.weight}`,
        `kiosk-ticket__text--${block.align}`,
        block.inverted ? 'kiosk-ticket__text--inverted' : '',
      ];
      return (
        <p className={classes.join(' ').trim()} lang={block.language} data-role={block.role}>
          {block.text}
        </p>
      );
    }
  }
}

/** A QR code drawn as SVG from its payload (the ticket's status page). */
export function QrCode({ payload }: { readonly payload: string }) {
  const { modules } = createQr(payload, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let path = '';
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      if (modules.get(row, column)) path += `M${column + 2} ${row + 2}h1v1h-1z`;
    }
  }
  return (
    <svg
      className="kiosk-ticket__qr"
      viewBox={`0 0 ${size + 4} ${size + 4}`}
      role="img"
      aria-label={payload}
      data-testid="ticket-preview-qr"
      shapeRendering="crispEdges"
    >
      <rect width={size + 4} height={size + 4} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
