/**
 * JavaScript the browser loads for a route of the production build: the root main files
 * (`<distDir>/build-manifest.json` `rootMainFiles`) plus every chunk that the route's entries
 * list in its `page_client-reference-manifest.js` (`entryJSFiles`: root layout, group layouts,
 * the page). Polyfills for legacy browsers and chunks loaded later by dynamic import are not
 * counted. Each file is gzipped with zlib (level 9) and the sizes summed.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

export interface BundleSize {
  route: string;
  files: number;
  rawKB: number;
  gzipKB: number;
  note?: string;
}

function clientManifest(distDir: string, page: string): Record<string, string[]> | null {
  const file = path.join(distDir, "server", "app", page + "_client-reference-manifest.js");
  if (!fs.existsSync(file)) return null;
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const manifest = Object.values(sandbox.__RSC_MANIFEST ?? {})[0];
  return manifest?.entryJSFiles ?? null;
}

/**
 * Sizes of the initial JavaScript of `page` (app-router page path without the extension, e.g.
 * "(app)/sections/[id]/page") in `distDir`. Returns gzipKB null with a note when the build or
 * the route is missing.
 */
export function routeBundleSize(distDir: string, page: string, route: string): BundleSize {
  const buildManifest = path.join(distDir, "build-manifest.json");
  if (!fs.existsSync(buildManifest)) return { route, files: 0, rawKB: 0, gzipKB: 0, note: "no production build" };
  const entries = clientManifest(distDir, page);
  if (!entries) return { route, files: 0, rawKB: 0, gzipKB: 0, note: `route ${route} not in the build` };
  const root = (JSON.parse(fs.readFileSync(buildManifest, "utf8")) as { rootMainFiles?: string[] }).rootMainFiles ?? [];
  const files = new Set<string>([...root, ...Object.values(entries).flat()].filter((f) => f.endsWith(".js")));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(distDir, f.replace(/^\/?_next\//, "")));
    raw += bytes.length;
    gz += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { route, files: files.size, rawKB: Math.round(raw / 102.4) / 10, gzipKB: Math.round(gz / 102.4) / 10 };
}
