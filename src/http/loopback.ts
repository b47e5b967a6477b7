/**
 * What "this machine" means for requests that are accepted without credentials: loopback addresses and the
 * `Host` values a local client sends.
 *
 * @example
 * isLoopbackHost('[::1]'); // true
 * loopbackHostHeaders(3978); // ['127.0.0.1:3978', 'localhost:3978', '[::1]:3978']
 */

/** True for 127.0.0.0/8, ::1 (also IPv4-mapped, `::ffff:127.0.0.1`) and localhost; brackets are ignored. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/^::ffff:/, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The `Host` header values that name this server on loopback at `port`, lower case. */
export function loopbackHostHeaders(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

/** True when `url` is an http(s) URL whose host is a loopback address. */
export function isLoopbackUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && isLoopbackHost(parsed.hostname);
}
