/**
 * The Content-Security-Policy the kiosk's main process puts on every response it shows: scripts, styles,
 * fonts and images only from the hall server itself, the socket only to the hall server, no plugins, no
 * frames, no forms, no inline script. A compromised or spoofed page can then load nothing from elsewhere.
 */
export function kioskContentSecurityPolicy(serverOrigin: string): string {
  const origin = new URL(serverOrigin);
  const socketOrigin = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React sets styles through the CSSOM (not blocked); the built CSS is a file from the server.
    "style-src 'self'",
    // Vite inlines small fonts and images as data: URLs; the QR preview is an inline SVG.
    "font-src 'self' data:",
    "img-src 'self' data:",
    `connect-src 'self' ${socketOrigin}`,
    "media-src 'self'",
    "manifest-src 'self'",
    "worker-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Whether the kiosk may fetch a URL at all: only the hall server (http and its socket), inline data and
 * DevTools during development. Anything else is cancelled before it leaves the machine.
 */
export function isAllowedRequestUrl(url: string, serverOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const server = new URL(serverOrigin);
  switch (parsed.protocol) {
    case 'data:':
    case 'blob:':
    case 'devtools:':
      return true;
    case 'http:':
    case 'https:':
      return parsed.origin === server.origin;
    case 'ws:':
      return server.protocol === 'http:' && parsed.host === server.host;
    case 'wss:':
      return server.protocol === 'https:' && parsed.host === server.host;
    default:
      return false;
  }
}
