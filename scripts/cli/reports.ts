/**
 * CLI commands for reports: `import`, `export` (filled in by the import/export work).
 */
import type { Command } from "./commands";

export const reportCommands: Record<string, Command> = {};
