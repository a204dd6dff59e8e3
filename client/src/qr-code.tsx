import { create as createQr } from 'qrcode';

/**
 * A QR code drawn as SVG from its payload: no canvas, no network, crisp at any size. One drawing for
 * every screen that shows one: the kiosk's ticket preview (the ticket's status page) and the manager
 * console's pairing links (a tablet or TV pairs by scanning). Error correction M: a smudged or partly
 * covered code still reads.
 */
export function QrCode(props: {
  readonly payload: string;
  /** What a screen reader says; the payload itself when absent. */
  readonly label?: string;
  readonly className?: string;
  readonly testId?: string;
}) {
  const { modules } = createQr(props.payload, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let path = '';
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      if (modules.get(row, column)) path += `M${column + 2} ${row + 2}h1v1h-1z`;
    }
  }
  // Two modules of white around the symbol: the quiet zone a scanner needs to find it on any background.
  return (
    <svg
      className={props.className}
      viewBox={`0 0 ${size + 4} ${size + 4}`}
      role="img"
      aria-label={props.label ?? props.payload}
      data-testid={props.testId}
      shapeRendering="crispEdges"
    >
      <rect width={size + 4} height={size + 4} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
