/** The page's JSON API bodies: one JSON object, or a message saying what to send instead (`example`). */
export function jsonObject(
  text: string,
  example: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: `the request body is not valid JSON; send ${example}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: `the request body must be a JSON object: ${example}` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
