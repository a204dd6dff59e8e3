/**
 * Bumped on every change that an old client could misread. A client whose version differs is refused at
 * connect with PROTOCOL_MISMATCH and must reload its app from the server.
 */
export const PROTOCOL_VERSION = 1;

/** Largest payload (bytes) the server accepts on the socket; larger messages close the connection. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

/**
 * `config:update` carries a whole hall configuration (a district hall with 200+ procedures is ~75 KiB
 * of JSON), so it alone may be this large.
 */
export const MAX_CONFIG_PAYLOAD_BYTES = 512 * 1024;
