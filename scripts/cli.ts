/**
 * Admin CLI: `npm run cli -- <command> [options]`. Honours DATA_DIR / DATABASE_URL, applies
 * migrations itself, prints JSON on stdout, and a clear message on stderr with exit code 1 on
 * error. A stable interface (design.md "Interfaces other tools rely on").
 */
import { parseArgs } from "node:util";
import { COMMANDS } from "./cli/commands";
import { ZodError } from "zod";
import { AppError, toErrorResponse } from "../lib/errors";
import { closeDb } from "../db/client";

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const list = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(12)} ${c.usage}`).join("\n");
    process.stderr.write(`${name ? `未知命令: ${name}\n` : ""}用法: npm run cli -- <命令> [参数]\n${list}\n`);
    return 2;
  }
  const { values, positionals } = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  const result = await command.run(values as Record<string, string | boolean | undefined>, positionals);
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  return 0;
}

/** The message an admin sees: ours (AppError, zod, lock, argument errors) or the raw one. */
function cliMessage(err: unknown): string {
  if (err instanceof AppError || err instanceof ZodError) {
    const { message, field } = toErrorResponse(err).body.error;
    return field ? `${message} (${field})` : message;
  }
  return err instanceof Error ? err.message : String(err);
}

main(process.argv.slice(2))
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (err) => {
    await closeDb().catch(() => {});
    process.stderr.write(`错误: ${cliMessage(err)}\n`);
    process.exit(1);
  });
