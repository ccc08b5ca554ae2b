/**
 * The add-in's deployment address is a build setting: addin/manifest.xml names the dev server
 * (DEV_BASE_URL, what `npm run addin:dev` serves) and the build writes a copy for another host.
 */
export const DEV_BASE_URL = 'https://localhost:3000/';

/** A base URL as the manifest needs it: absolute https, ending with a slash, no query or fragment. */
export function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: ${JSON.stringify(raw)} (expected e.g. https://relance.example.com/addin/)`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_BASE_URL must be https (Office loads add-ins over HTTPS only), got ${url.protocol}`);
  if (url.search || url.hash) throw new Error('ADDIN_BASE_URL must not have a query or a fragment');
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The manifest with every URL moved from the dev server to `baseUrl`. */
export function manifestForBaseUrl(xml: string, baseUrl: string): string {
  const base = normaliseBaseUrl(baseUrl);
  return xml.split(DEV_BASE_URL).join(base);
}
