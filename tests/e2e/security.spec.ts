import { contentSecurityPolicyForMeta, securityHeaders } from "../../src/app/security-headers.ts";
import { expect, test } from "./fixtures.ts";

test.describe("Security headers and Content-Security-Policy", () => {
  test("the app is served with its policy as header and meta tag, and the other security headers", async ({
    app,
    page,
  }) => {
    const response = await page.goto("/?e2e=pixels");
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    for (const [name, value] of Object.entries(securityHeaders())) {
      expect(headers[name.toLowerCase()], name).toBe(value);
    }
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'self'");
    const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
    await expect(meta).toHaveAttribute("content", contentSecurityPolicyForMeta());
    // The meta tag comes first in <head>, so that it covers every script and style after it.
    expect(await page.evaluate(() => document.head.firstElementChild?.getAttribute("http-equiv"))).toBe(
      "Content-Security-Policy",
    );
    await app.waitForIdle();
    expect(app.errors).toEqual([]);
  });

  test("a violation (an inline script) is blocked and reported as an error, which every test checks", async ({
    app,
    page,
  }) => {
    await app.open();
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineScriptRan = true;";
      document.body.append(script);
    });
    await expect.poll(() => app.errors.join("\n")).toContain("CSP violation: script-src-elem");
    expect(await page.evaluate(() => (window as { __inlineScriptRan?: boolean }).__inlineScriptRan)).toBe(
      undefined,
    );
  });
});
