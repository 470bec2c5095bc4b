/**
 * The Content-Security-Policy as written: what the meta tag and the header say, and that every online
 * address the app fetches is allowed (the browser tests cannot reach them).
 */
import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicyForMeta,
  contentSecurityPolicyHeader,
  securityHeaders,
} from "../../../src/app/security-headers.ts";
import { BASEMAPDE_STYLE_URL, OSM_TILES } from "../../../src/map/map-style.ts";

const directives = (policy: string) =>
  new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

describe("Content-Security-Policy", () => {
  it("allows no inline script or style and no eval, only WebAssembly compilation", () => {
    for (const policy of [contentSecurityPolicyForMeta(), contentSecurityPolicyHeader()]) {
      expect(policy).not.toContain("'unsafe-inline'");
      expect(policy).not.toContain("'unsafe-eval'");
      expect(directives(policy).get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(directives(policy).get("object-src")).toEqual(["'none'"]);
    }
  });

  it("says who may frame the app only in the header (a meta tag cannot, and Chromium logs an error)", () => {
    expect(directives(contentSecurityPolicyForMeta()).has("frame-ancestors")).toBe(false);
    expect(directives(contentSecurityPolicyHeader()).get("frame-ancestors")).toEqual(["'self'"]);
  });

  it("lets the optional online basemaps load their style and tiles", () => {
    const policy = directives(contentSecurityPolicyForMeta());
    for (const url of [BASEMAPDE_STYLE_URL, OSM_TILES.replace("{z}/{x}/{y}", "10/533/342")]) {
      const origin = new URL(url).origin;
      expect(policy.get("connect-src"), url).toContain(origin);
      expect(policy.get("img-src"), url).toContain(origin);
    }
  });

  it("is sent with the other headers a deployment should set", () => {
    expect(Object.keys(securityHeaders()).sort()).toEqual(
      [
        "Content-Security-Policy",
        "Permissions-Policy",
        "Referrer-Policy",
        "X-Content-Type-Options",
        "X-Frame-Options",
      ].sort(),
    );
    expect(securityHeaders()["X-Content-Type-Options"]).toBe("nosniff");
  });
});
