// End-to-end helpers: the real server the test runner starts (the `diaryServerPlugin` of
// packages/sdk/test-support/diary-server.mjs, shared with the SDK's browser tests) and its dev
// outbox, where the one-time codes land.

/** The base URL of the real diary server for this test run. */
export async function diaryServerUrl(): Promise<string> {
  const response = await fetch('/__diary-server-url');
  if (!response.ok) throw new Error('the diary-server test runner plugin is not installed');
  return ((await response.json()) as { url: string }).url;
}

/**
 * The newest one-time code sent to a phone, read from the dev outbox (newest first). The test
 * reads it as the parent would read the SMS; the widgets themselves never see it.
 */
export async function latestCode(url: string, phone: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/dev/outbox`);
  const { items } = (await response.json()) as { items: { to: string; code?: string }[] };
  const code = items.find((item) => item.to === phone && item.code)?.code;
  if (!code) throw new Error(`no code for ${phone} in the outbox`);
  return code;
}
