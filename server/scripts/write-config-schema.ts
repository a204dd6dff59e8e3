// Writes the HallConfig JSON Schema, generated from the zod schema, to docs/ (`pnpm schema:config`).
// server/test/config-json-schema.test.ts fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { HALL_CONFIG_JSON_SCHEMA_FILE, hallConfigJsonSchema } from '@luot/shared/contracts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const file = path.join(root, HALL_CONFIG_JSON_SCHEMA_FILE);
// Formatted as the repository's prettier would, so `pnpm lint` accepts the generated file as it is.
const options = (await resolveConfig(file)) ?? {};
const text = await format(JSON.stringify(hallConfigJsonSchema()), { ...options, filepath: file });
writeFileSync(file, text);
console.log(`wrote ${HALL_CONFIG_JSON_SCHEMA_FILE}`);
