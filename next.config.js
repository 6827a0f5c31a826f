/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and yjs must be one copy shared by the custom server and route modules.
  serverExternalPackages: ["@electric-sql/pglite", "yjs", "y-protocols", "docx", "pg"],
  // Lets parallel builds (tests, benchmarks) use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
  // The import page uploads .docx / .txt files up to 10 MB (lib/import MAX_IMPORT_BYTES) through a
  // server action; the default limit is 1 MB. Keep in step with ACTION_BODY_LIMIT_BYTES in
  // lib/import/upload-limit.ts, which server.ts uses to answer 413 (in Chinese) before Next reads.
  experimental: { serverActions: { bodySizeLimit: "11mb" } },
};

export default nextConfig;
