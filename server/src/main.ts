import type { DeviceKind } from '@luot/shared/contracts';
import type { CounterId } from '@luot/shared/domain';
import { DEMO_CLERK_PIN } from './app/demo-hall.ts';
import { hallBaseUrls } from './app/hall-links.ts';
import { FIRST_MANAGER } from './app/managers.ts';
import { startHallServer } from './hall-server.ts';
import { loadSettings } from './settings.ts';

const settings = loadSettings();
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
});

// The address devices in the hall will use, on the protocol and port the server really listens on.
const [base] = hallBaseUrls(
  server.store.serverAddress() ?? { protocol: 'http', port: server.port },
  settings.hosts,
);
const lines = [
  '',
  `  Lượt — ${server.service.hallConfig.hall.name}`,
  `  Hall server: ${base}   (health: ${base}/health)`,
  `  Data folder: ${settings.dataDir}`,
  ...(settings.hubLink ? [`  Province hub: ${settings.hubLink.url} (events shipped in the background)`] : []),
];
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
    `  or open http://localhost:${server.port}/admin/ in a browser on this PC.`,
  );
}
if (server.isNewHall && settings.isDemo) {
  const pairings: [DeviceKind, string, string, CounterId | null][] = [
    ['kiosk', 'Kiosk 1', 'kiosk', null],
    ['display', 'Màn hình gọi số 1', 'display', null],
  ];
  for (const counter of server.service.hallConfig.counters.slice(0, 3)) {
    pairings.push(['counter', `Máy quầy ${counter.number}`, 'counter', counter.id]);
    pairings.push(['feedback', `Đánh giá quầy ${counter.number}`, 'counter/feedback', counter.id]);
  }
  lines.push('', '  A demo hall was created. Open each device with its one-time pairing code (valid 24 h):');
  for (const [kind, name, app, counterId] of pairings) {
    const { code } = server.createPairingCode(kind, name, counterId);
    lines.push(`    ${name.padEnd(22)} ${base}/${app}/?code=${code}`);
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
