/**
 * The CLI's command table. Each command parses its options with zod and calls the same
 * domain functions as the UI.
 */
import type { ParseArgsConfig } from "node:util";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;
import { accountCommands } from "./accounts";
import { reportCommands } from "./reports";

export interface Command {
  usage: string;
  options: ParseArgsOptionsConfig;
  /**
   * Which arguments are file paths (resolved against the caller's working directory when the
   * command runs inside the server, sent over the admin channel): option names, and whether
   * the positionals are paths.
   */
  paths?: { options?: string[]; positionals?: boolean };
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<unknown>;
}

export const COMMANDS: Record<string, Command> = { ...accountCommands, ...reportCommands };
