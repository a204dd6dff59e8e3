// Issue #15: the HallConfig JSON Schema in docs/ is generated from the zod schema, and stays so: this
// test fails while the committed file is stale (run `pnpm schema:config`). A standard validator (Ajv,
// draft 2020-12, strict) compiles it and judges configurations as the server's zod schema does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { HALL_CONFIG_JSON_SCHEMA_FILE, hallConfigJsonSchema, hallConfigSchema } from '@luot/shared/contracts';
import { demoHallConfig } from '../src/app/demo-hall.ts';
import { REPO_ROOT } from '../src/hall-server.ts';

const committed = (): unknown =>
  JSON.parse(readFileSync(path.join(REPO_ROOT, HALL_CONFIG_JSON_SCHEMA_FILE), 'utf8')) as unknown;

describe('the HallConfig JSON Schema in docs/', () => {
  it('is the one generated from the zod schema (else run `pnpm schema:config` and commit it)', () => {
    expect(committed(), `${HALL_CONFIG_JSON_SCHEMA_FILE} is stale: run pnpm schema:config`).toEqual(
      hallConfigJsonSchema(),
    );
  });

  it('is a valid draft 2020-12 schema that accepts and refuses what the zod schema does', () => {
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(committed() as object);
    const demo = JSON.parse(JSON.stringify(demoHallConfig())) as Record<string, unknown>;
    expect(hallConfigSchema.safeParse(demo).success).toBe(true);
    expect(validate(demo), JSON.stringify(validate.errors)).toBe(true);

    const services = demo['services'] as Record<string, unknown>[];
    const broken: [string, unknown][] = [
      ['an unknown top-level key', { ...demo, extra: true }],
      [
        'a prefix over 4 characters',
        { ...demo, services: [{ ...services[0], prefix: 'ABCDE' }, ...services.slice(1)] },
      ],
      ['a service without a name', { ...demo, services: [{ ...services[0], name: undefined }] }],
      [
        'a rollover hour as text',
        { ...demo, hall: { ...(demo['hall'] as object), rolloverHour: 'nửa đêm' } },
      ],
      ['services not a list', { ...demo, services: { ...services } }],
    ];
    for (const [what, config] of broken) {
      const plain = JSON.parse(JSON.stringify(config)) as unknown;
      expect({ what, zod: hallConfigSchema.safeParse(plain).success, jsonSchema: validate(plain) }).toEqual({
        what,
        zod: false,
        jsonSchema: false,
      });
    }
  });
});
