/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and yjs must be one copy shared by the custom server and route modules.
  serverExternalPackages: ["@electric-sql/pglite", "yjs", "y-protocols", "docx", "pg"],
  // Lets parallel builds (tests, benchmarks) use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
  // scripts/start.sh (README command 1) sets HEGAO_BUILD_SKIP_TYPECHECK=1: CI type-checks with
  // `tsc --noEmit`, so the start path does not pay for a second check. `npm run build` checks.
  typescript: { ignoreBuildErrors: process.env.HEGAO_BUILD_SKIP_TYPECHECK === "1" },
  // The import page uploads .docx / .txt files up to 10 MB (lib/import MAX_IMPORT_BYTES) through a
  // server action; the default limit is 1 MB. Keep in step with ACTION_BODY_LIMIT_BYTES in
  // lib/import/upload-limit.ts, which server.ts uses to answer 413 (in Chinese) before Next reads.
  // authInterrupts enables forbidden() (app/forbidden.tsx answers refusals with HTTP 403).
  experimental: { serverActions: { bodySizeLimit: "11mb" }, authInterrupts: true },
};

export default nextConfig;
