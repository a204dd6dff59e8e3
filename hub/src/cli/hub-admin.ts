import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { HubAccounts } from '../app/accounts.ts';
import { HallRegistry } from '../app/halls.ts';
import { openHubDatabase } from '../db/database.ts';
import { loadHubSettings } from '../settings.ts';

// `pnpm hub-admin <command>`: the operator's tools, against the same HUB_DATA_DIR / DATABASE_URL as the
// hub. Each prints exactly one line on standard output (JSON or a token), so scripts can read it.
//   add-hall --name "<name>"          → {"hallId":"…","key":"…"}   (give the key to the hall: LUOT_HUB_KEY)
//   enrolment-code --name "<name>"    → {"hallId":"…","code":"…","expiresAt":…} (the hall runs `pnpm luot hub-enrol`)
//   enrolment-code --hall <hallId>    → a new code for an existing hall (a replaced server PC)
//   revoke --hall <hallId>            → {"revoked":true}
//   token                             → a read-only API token for GET /api/v1/halls
//   add-account --username <u> --name "<display name>" → {"username":"…","password":"…"} (to change at first sign-in)

const usage =
  'usage: pnpm hub-admin <add-hall --name N | enrolment-code --name N|--hall ID | revoke --hall ID | token | add-account --username U --name N>';
const [command, ...rest] = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'));
const { values } = parseArgs({
  args: rest,
  options: { name: { type: 'string' }, hall: { type: 'string' }, username: { type: 'string' } },
});

const settings = loadHubSettings();
const db = await openHubDatabase({
  dataDir: settings.dataDir,
  ...(settings.databaseUrl ? { databaseUrl: settings.databaseUrl } : {}),
});
let status = 0;
try {
  const halls = new HallRegistry(db.pool);
  const print = (value: unknown): void => {
    process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
  };
  switch (command ?? '') {
    case 'add-hall':
      if (!values.name?.trim()) throw new Error('add-hall needs --name "<hall name>"');
      print(await halls.addHall(values.name.trim()));
      break;
    case 'enrolment-code':
      if (values.hall) print(await halls.enrolmentCode({ hallId: values.hall }));
      else if (values.name?.trim()) print(await halls.enrolmentCode({ name: values.name.trim() }));
      else throw new Error('enrolment-code needs --name "<hall name>" or --hall <hallId>');
      break;
    case 'revoke':
      if (!values.hall) throw new Error('revoke needs --hall <hallId>');
      if (!(await halls.revokeKey(values.hall))) throw new Error(`no hall ${values.hall} with a live key`);
      print({ revoked: true });
      break;
    case 'token':
      print(await halls.createApiToken());
      break;
    case 'add-account': {
      if (!values.username?.trim() || !values.name?.trim())
        throw new Error('add-account needs --username <u> --name "<display name>"');
      const password = randomBytes(9).toString('base64url');
      await new HubAccounts(db.pool).create(values.username.trim(), values.name.trim(), password, true);
      print({ username: values.username.trim(), password });
      break;
    }
    default:
      throw new Error(usage);
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  status = 1;
} finally {
  // A running hub's embedded PostgreSQL was borrowed, not ours to stop.
  await db.close({ keepEmbedded: db.embedded?.isAdopted ?? false });
}
process.exit(status);
