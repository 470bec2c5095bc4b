/**
 * The app's Content-Security-Policy and the other security headers a deployment should send, in one
 * place: the build puts the policy into index.html as a `<meta>` tag (static hosting, see vite.config.ts),
 * `vite preview` (npm start) sends it and the other headers as HTTP headers, and docs/deployment.md
 * lists them for a web server. The browser tests fail on any violation (tests/e2e/fixtures.ts).
 *
 * Everything is 'self' (scripts, styles, workers, fonts, data) except:
 * - script-src 'wasm-unsafe-eval': sql.js compiles its WebAssembly (GeoPackage import and export).
 * - connect-src blob:: imported overlay layers are read from Blob URLs, in MapLibre's workers too.
 * - img-src data: blob:: the favicon placeholder, the share QR code, map images (PNG export,
 *   one-pagers).
 * - the two online basemaps (off by default): basemap.de (style, tiles, sprites and glyphs on
 *   sgx.geodatenzentrum.de) and OpenStreetMap's raster tiles.
 * No 'unsafe-inline' anywhere: React and MapLibre set styles through the DOM (allowed), and the one
 * library that wrote a <style> element (Observable Plot, compare charts) has it removed (CompareCharts).
 * No blob: workers: MapLibre starts its worker from its own file (workerUrl), as do ours.
 */

/** Hosts of the optional online basemaps (src/map/map-style.ts, src/map/online-basemap.ts). */
export const ONLINE_BASEMAP_ORIGINS = ["https://sgx.geodatenzentrum.de", "https://tile.openstreetmap.org"];

type Directives = Record<string, readonly string[]>;

/** Directives valid both in a `<meta>` tag and as a header. */
const DIRECTIVES: Directives = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:", "blob:", ...ONLINE_BASEMAP_ORIGINS],
  "font-src": ["'self'"],
  "connect-src": ["'self'", "blob:", ...ONLINE_BASEMAP_ORIGINS],
  "worker-src": ["'self'"],
  "child-src": ["'self'"],
  "frame-src": ["'self'"],
  "manifest-src": ["'self'"],
  "media-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
};

/**
 * Directives a browser ignores (with a console error) in a `<meta>` tag: who may frame the app. Only
 * a header can say it.
 */
const HEADER_ONLY_DIRECTIVES: Directives = {
  "frame-ancestors": ["'self'"],
};

const serialise = (directives: Directives) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");

/** The policy for `<meta http-equiv="Content-Security-Policy">`. */
export const contentSecurityPolicyForMeta = (): string => serialise(DIRECTIVES);

/** The policy as an HTTP header (adds what only a header can say). */
export const contentSecurityPolicyHeader = (): string =>
  serialise({ ...DIRECTIVES, ...HEADER_ONLY_DIRECTIVES });

/**
 * Every header a deployment should send with the app (documented in docs/deployment.md). Not among
 * them: Cross-Origin-Opener-Policy. With `same-origin`, Chromium puts the page in a new browsing
 * context group on navigation, and reopening the app in a tab while another tab of it hung failed
 * (net::ERR_ABORTED, tests/e2e/persistence.spec.ts "a killed tab"); the app shares windows with no
 * other origin, so the header would gain little.
 */
export function securityHeaders(): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicyHeader(),
    "X-Content-Type-Options": "nosniff",
    // The browsers' default, said explicitly: other sites (the online basemaps) see the origin only.
    // OpenStreetMap's tile policy asks for a Referer, so not "no-referrer".
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "SAMEORIGIN",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
}
