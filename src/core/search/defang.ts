/**
 * Defanging: IPs and domains are shown with `[.]` so nobody clicks them, and looked up both ways.
 *
 * @example
 * defang('51.89.156.153') // '51.89.156[.]153'
 * refang('51[.]89[.]156[.]153') // '51.89.156.153'
 */

/** Shows an IPv4 address with its last dot bracketed, the way threat reports print them. */
export function defang(value: string): string {
  const ip = value.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) {
    const last = ip.lastIndexOf('.');
    return `${ip.slice(0, last)}[.]${ip.slice(last + 1)}`;
  }
  return ip;
}

const MAY_BE_DEFANGED = /[[({]|hxxp/i;

/** Undoes common defanging: `[.]`, `(.)`, `{.}`, `[dot]`, `hxxp`. */
export function refang(text: string): string {
  // most text holds nothing defanged: no bracket and no "hxxp"
  if (!MAY_BE_DEFANGED.test(text)) return text;
  return text
    .replace(/\s*[[({]\s*(?:\.|dot)\s*[\])}]\s*/gi, '.')
    .replace(/\bhxxp(s?):\/\//gi, 'http$1://')
    .replace(/\[:\]\/\//g, '://');
}

/** Defangs every IPv4 address inside a longer text. */
export function defangText(text: string): string {
  return text.replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, (ip) => (isIpv4(ip) ? defang(ip) : ip));
}

/** True for a dotted-quad IPv4 address with octets 0..255. */
export function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** Every IPv4 address in the text, plain or defanged, refanged and deduplicated. */
export function findIpv4s(text: string): string[] {
  const found = refang(text).match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) ?? [];
  return [...new Set(found.filter(isIpv4))];
}
