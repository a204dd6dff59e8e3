import { z } from 'zod';

const enrolAnswerSchema = z.strictObject({
  ok: z.literal(true),
  value: z.strictObject({ hallId: z.string().min(1).max(100), key: z.string().min(16).max(200) }),
});

/**
 * Exchange a one-time enrolment code from the province hub for this hall's own key
 * (`POST <hub>/api/v1/enrol`). Throws with the hub's reason when it refuses.
 */
export async function enrolWithHub(hubUrl: string, code: string): Promise<{ hallId: string; key: string }> {
  const base = hubUrl.replace(/\/+$/, '');
  const response = await fetch(`${base}/api/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  const parsed = enrolAnswerSchema.safeParse(body);
  if (!response.ok || !parsed.success)
    throw new Error(
      `the hub refused the code (${response.status}): ${body?.error?.message ?? 'no reason given'}`,
    );
  return parsed.data.value;
}
