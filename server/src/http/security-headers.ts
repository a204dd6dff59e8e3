import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyHelmetOptions } from '@fastify/helmet';

// One security policy for every page Lượt serves: the hall server's (http-app.ts) and the province
// hub's (hub/src/hub-server.ts, through `@luot/server/security-headers`), so the two cannot drift.

/**
 * Every page's security headers: a Content-Security-Policy that lets a page load scripts, styles,
 * fonts, images and sound only from the hall server itself and talk only to it (the socket included),
 * no frames around it (`frame-ancestors 'none'`, `X-Frame-Options: DENY`), and no Referer leaving it
 * (a status page's address carries the ticket's code).
 *
 * `style-src` allows inline styles: React sets computed styles on elements and the QR and chart
 * components write `style` attributes; a style cannot run code, and scripts stay strictly `'self'`.
 * HSTS is off: a hall may run plain HTTP, and HSTS on a hall's host name would lock devices out the day
 * the hall switches HTTPS off again. No `upgrade-insecure-requests` for the same reason.
 */
export function pageSecurityHeaders(): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // 'self' covers ws(s): of the same host in current browsers; older TV browsers need it named.
        connectSrc: ["'self'", socketSource],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  };
}

/** `ws://host` (or `wss://host`) of the address the page was loaded from, for connect-src. */
function socketSource(request: IncomingMessage, _response: ServerResponse): string {
  const host = request.headers.host ?? '';
  // Only a plain host[:port]: the header comes from the client and must not add directives.
  if (!/^[A-Za-z0-9.[\]:-]{1,255}$/.test(host)) return "'self'";
  const isTls = (request.socket as { encrypted?: boolean }).encrypted === true;
  return `${isTls ? 'wss' : 'ws'}://${host}`;
}
