import { QrCode as SharedQrCode } from '@luot/client/react';
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

/** The ticket's QR code (its status page), drawn by the shared SVG QR component. */
export function QrCode({ payload }: { readonly payload: string }) {
  return <SharedQrCode payload={payload} className="kiosk-ticket__qr" testId="ticket-preview-qr" />;
}
