import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import packageJson from "./package.json" with { type: "json" };
import { contentSecurityPolicyForMeta, securityHeaders } from "./src/app/security-headers.ts";

/**
 * The Content-Security-Policy as a `<meta>` tag, first in <head> so that it covers everything after it,
 * in the build only: Vite's dev server injects inline scripts (React Refresh) that it would block.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: "pilotkarte-content-security-policy",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicyForMeta() },
        injectTo: "head-prepend",
      },
    ],
  };
}

export default defineConfig({
  // The version named in exports' metadata and backups (package.json is the one place it is set).
  define: { "import.meta.env.VITE_APP_VERSION": JSON.stringify(packageJson.version) },
  plugins: [
    react(),
    contentSecurityPolicyMeta(),
    // Offline app shell: after the first visit the app, its generated data and the schematic basemap
    // (address tiles, fonts) load with no network. A new deployment is offered with an update prompt.
    VitePWA({
      registerType: "prompt",
      injectRegister: false,
      manifest: {
        name: "Pilotkarte Dortmund",
        short_name: "Pilotkarte",
        description: "Pilotgebiete der Smart-City-Allianz Dortmund planen",
        lang: "de",
        theme_color: "#0f172a",
        background_color: "#f3f4f6",
        display: "standalone",
        icons: [],
      },
      workbox: {
        // Defaults miss the MapLibre worker (.mjs), fonts, and the generated data and tiles.
        globPatterns: ["**/*.{js,mjs,css,html,json,geojson,pbf}", "assets/noto-sans-latin-*.woff2"],
        globIgnores: ["**/*.map", "generated/stamp.txt"],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        clientsClaim: true,
        navigateFallback: "index.html",
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: "es" },
  build: {
    target: "es2022",
    sourcemap: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, strictPort: false },
  // `npm start` serves the build with the headers a deployment should send (docs/deployment.md).
  preview: { port: 4173, strictPort: false, headers: securityHeaders() },
});
