import type { DeviceKind } from '@luot/shared/contracts';
import { pairingLink } from '@luot/shared/contracts';
import type { CounterId } from '@luot/shared/domain';
import { DEMO_CLERK_PIN } from './app/demo-hall.ts';
import { hallBaseUrls } from './app/hall-links.ts';
import { HALL_CA_PATH, readServerCertificate } from './app/hall-tls.ts';
import { FIRST_MANAGER } from './app/managers.ts';
import { startHallServer } from './hall-server.ts';
import { loadSettings } from './settings.ts';
import { preloadZone } from './zone-tables.ts';

const warn = (line: string): void => {
  process.stderr.write(`  ${line}\n`);
};
// The zone's offsets come from a child process, so that this one builds no Intl.DateTimeFormat (5–7 MB of RSS).
const settings = loadSettings(process.env, (zone, dataDir) => preloadZone(zone, Date.now(), dataDir, warn));
// A named or `tls init` certificate that cannot be used stops the start here, with the file named: a
// hall that silently fell back to plain HTTP would send every device's token in clear.
const certificate = (() => {
  try {
    return settings.tls ? readServerCertificate(settings.tls, Date.now()) : undefined;
  } catch (error) {
    process.stderr.write(
      `\n  Lượt cannot start: ${error instanceof Error ? error.message : String(error)}\n\n`,
    );
    return process.exit(1);
  }
})();
const server = await startHallServer({
  dataDir: settings.dataDir,
  port: settings.port,
  host: settings.host,
  seedDemo: settings.isDemo,
  timeZone: settings.timeZone,
  realtime: { allowedOrigins: settings.allowedOrigins },
  ...(settings.hosts ? { allowedHosts: settings.hosts } : {}),
  ...(settings.kioskIssueLimit ? { kioskIssueLimit: settings.kioskIssueLimit } : {}),
  ...(settings.hubLink ? { hubLink: settings.hubLink } : {}),
  ...(certificate ? { tls: { cert: certificate.cert, key: certificate.key } } : {}),
});
// A manager may have set the hall to another zone than the settings name: its table too, from now on.
const hallZone = server.service.hallConfig.hall.timeZone;
if (hallZone !== settings.timeZone) preloadZone(hallZone, Date.now(), settings.dataDir, warn);

// The address devices in the hall will use, on the protocol and port the server really listens on.
const serverAddress = server.store.serverAddress() ?? { protocol: 'http' as const, port: server.port };
// hallBaseUrls gives at least one address (loopback when the machine has no other).
const [base = `${serverAddress.protocol}://127.0.0.1:${serverAddress.port}`] = hallBaseUrls(
  serverAddress,
  settings.hosts,
);
const lines = [
  '',
  `  Lượt — ${server.service.hallConfig.hall.name}`,
  `  Hall server: ${base}   (health: ${base}/health)`,
  `  Data folder: ${settings.dataDir}`,
  ...(settings.hubLink ? [`  Province hub: ${settings.hubLink.url} (events shipped in the background)`] : []),
];
const DAY_MS = 24 * 60 * 60 * 1000;
if (certificate) {
  const daysLeft = Math.floor((certificate.validTo.getTime() - Date.now()) / DAY_MS);
  lines.push(
    `  HTTPS: ${certificate.certFile}, valid until ${certificate.validTo.toISOString().slice(0, 10)} (${daysLeft} days)`,
    `  Devices install the hall's CA certificate from ${base}${HALL_CA_PATH} (docs/OPERATIONS.md, "HTTPS in the hall")`,
  );
  if (daysLeft < 30)
    lines.push(
      '  The certificate expires soon: run pnpm luot tls renew (bundle: luot.cmd tls renew) and restart.',
    );
} else {
  lines.push(
    '  Plain HTTP: tokens and PINs cross the network in clear. Turn HTTPS on: pnpm luot tls init',
    '  (bundle: luot.cmd tls init), then restart the server (docs/OPERATIONS.md, "HTTPS in the hall").',
  );
}
if (server.isFirstManagerSeeded) {
  lines.push(
    '',
    `  Manager console: ${base}/admin/   sign in as ${FIRST_MANAGER.username} / ${FIRST_MANAGER.password} (you must change it at once)`,
  );
}
if (server.hasNoManager()) {
  lines.push(
    '',
    "  This hall has no manager yet. On this PC, set the first manager's password:",
    '    pnpm luot init-manager <username>   (an installed hall: luot.cmd or ./luot init-manager <username>)',
    `  or open ${certificate ? 'https' : 'http'}://localhost:${server.port}/admin/ in a browser on this PC.`,
  );
}
if (server.isNewHall && settings.isDemo) {
  const pairings: [DeviceKind, string, CounterId | null][] = [
    ['kiosk', 'Kiosk 1', null],
    ['display', 'Màn hình gọi số 1', null],
  ];
  for (const counter of server.service.hallConfig.counters.slice(0, 3)) {
    pairings.push(['counter', `Máy quầy ${counter.number}`, counter.id]);
    pairings.push(['feedback', `Đánh giá quầy ${counter.number}`, counter.id]);
  }
  lines.push('', '  A demo hall was created. Open each device with its one-time pairing code (valid 24 h):');
  for (const [kind, name, counterId] of pairings) {
    const { code } = server.createPairingCode(kind, name, counterId);
    lines.push(`    ${name.padEnd(22)} ${pairingLink(base, kind, code)}`);
  }
  lines.push(
    `  Clerks sign in as canbo1 … canbo8 with PIN ${DEMO_CLERK_PIN} (change it: pnpm luot reset-pin canbo1).`,
    '  More devices: pnpm luot pair --kind counter --counter q4 --name "Máy quầy 4"',
  );
} else {
  lines.push('', '  Pair a device: pnpm luot pair --kind <kiosk|counter|feedback|display> [--counter q1]');
}
// The banner is for the person who started the server: on stderr, so that stdout stays one JSON log
// line after another (docs/OPERATIONS.md, "Logs").
process.stderr.write(`${lines.join('\n')}\n\n`);

const stop = (signal: string): void => {
  process.stderr.write(`\n  ${signal}: closing the hall server…\n`);
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
