// Entry of an import worker thread (plain JavaScript so that Node can start it as it is, under
// the production server, the CLI and Vitest alike): registers tsx for this thread only and runs
// the TypeScript entry named by the parent (lib/import/worker/entry.ts).
import { workerData } from "node:worker_threads";

const { tsImport } = await import("tsx/esm/api");
await tsImport(workerData.entry, import.meta.url);
