import { z } from 'zod';
import { hallConfigSchema } from './config-schema.ts';

/** Where the generated schema is committed, relative to the repository root. */
export const HALL_CONFIG_JSON_SCHEMA_FILE = 'docs/hall-config.schema.json';

/**
 * The JSON Schema (draft 2020-12) of a `HallConfig` as a client sends it (`config:update`,
 * `PUT /api/admin/config`), generated from the zod schema so the two cannot drift: a client in any
 * language can check a configuration before sending it. The shape only: rules that span fields
 * (unique ids, references that resolve, a real time zone) are the server's `INVALID_STATE` checks.
 */
export function hallConfigJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(hallConfigSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...generated,
    title: 'HallConfig',
    description:
      'A whole hall configuration (Lượt protocol, docs/PROTOCOL.md). Generated from shared/src/contracts/config-schema.ts by `pnpm schema:config`; do not edit.',
  };
}
