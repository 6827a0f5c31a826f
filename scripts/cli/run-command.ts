/**
 * Runs one admin CLI command line and returns what the CLI prints and its exit code, without
 * printing or exiting: the CLI process uses it when it opens the database itself, and the
 * server uses it for a command sent over the admin channel (lib/admin-channel/endpoint.ts),
 * so both run exactly the same code.
 *
 * Exit codes: 0 success (stdout: the result as JSON), 1 error (stderr: `错误: <message>`),
 * 2 unknown command (stderr: usage).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { AppError, toErrorResponse } from "../../lib/errors";
import { COMMANDS, type Command } from "./commands";
import { runAsRemote } from "./remote-context";

export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** The message an admin sees: ours (AppError, zod, lock, argument errors) or the raw one. */
export function cliMessage(err: unknown): string {
  if (err instanceof AppError || err instanceof ZodError) {
    const { message, field } = toErrorResponse(err).body.error;
    return field ? `${message} (${field})` : message;
  }
  return err instanceof Error ? err.message : String(err);
}

function usage(name: string | undefined): string {
  const list = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(12)} ${c.usage}`).join("\n");
  return `${name ? `未知命令: ${name}\n` : ""}用法: npm run cli -- <命令> [参数]\n${list}\n`;
}

/** Resolves the command's path arguments against `cwd` (a remote caller's directory). */
function resolvePaths(command: Command, values: Record<string, unknown>, positionals: string[], cwd: string): void {
  for (const name of command.paths?.options ?? []) {
    if (typeof values[name] === "string") values[name] = path.resolve(cwd, values[name] as string);
  }
  if (command.paths?.positionals) positionals.forEach((p, i) => (positionals[i] = path.resolve(cwd, p)));
}

/**
 * Runs `argv` (`<command> [options]`). With `remote` (a command from the admin channel) path
 * arguments are resolved against `remote.cwd` and nothing asks on a terminal.
 */
export async function runCommand(argv: string[], remote?: { cwd: string }): Promise<CommandOutput> {
  const [name, ...rest] = argv;
  const command = name && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return { code: 2, stdout: "", stderr: usage(name) };
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    if (remote) resolvePaths(command, values, positionals, remote.cwd);
    const run = () => command.run(values as Record<string, string | boolean | undefined>, positionals);
    const result = await (remote ? runAsRemote(run) : run());
    return { code: 0, stdout: JSON.stringify(result, null, 2) + "\n", stderr: "" };
  } catch (err) {
    return { code: 1, stdout: "", stderr: `错误: ${cliMessage(err)}\n` };
  }
}
