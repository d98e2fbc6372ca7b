/**
 * `attachment` with both names: a plain ASCII `filename` for old clients and the real (Chinese) one as RFC 5987
 * `filename*`, which browsers prefer. Percent-encoding every byte outside the unreserved set keeps the header ASCII.
 */
export function attachment(asciiName: string, utf8Name: string): string {
  const encoded = encodeURIComponent(utf8Name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}
