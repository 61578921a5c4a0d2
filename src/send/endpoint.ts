// Which endpoints the sender may use: https:// anywhere; http:// (unencrypted: the signed request
// and the users' data in clear) only to this machine, unless the caller allows it explicitly.

export type EndpointCheck = { ok: true; url: URL } | { ok: false; message: string };

export function checkEndpoint(endpoint: string, allowInsecure = false): EndpointCheck {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return {
      ok: false,
      message: `The endpoint "${endpoint}" is not a URL (expected e.g. https://personalize-events.us-east-1.amazonaws.com).`,
    };
  }
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol !== 'http:')
    return {
      ok: false,
      message: `The endpoint must be an https:// URL (or http:// to this machine), not ${url.protocol}//.`,
    };
  if (isLoopback(url.hostname) || allowInsecure) return { ok: true, url };
  return {
    ok: false,
    message: `The endpoint ${url.origin} is plain http:// to another machine: the users' data would travel unencrypted. Use https://, or http:// only to localhost / 127.0.0.1 / [::1].`,
  };
}

/** localhost, 127.0.0.0/8, ::1 (also as an IPv4-mapped address). */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) return Number(v4[1]) === 127 && v4.slice(2).every((p) => Number(p) <= 255);
  return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
}
