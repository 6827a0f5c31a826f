import { defineConfig } from "vitest/config";
import path from "node:path";

/**
 * The multi-process cluster tests (three instances, kill -9, a Redis restart; cross-process
 * access changes within 1 s) measure timing, so they run alone, after the rest
 * (`npm run test:cluster`, called by scripts/test.sh), not beside other files on 2 cores.
 */
const ALONE = ["lib/cluster/chaos.test.ts", "lib/cluster/access-across.test.ts"];
const alone = process.env.HEGAO_TEST_ALONE === "1";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: alone ? ALONE : ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: alone ? [] : [...ALONE, "**/node_modules/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
