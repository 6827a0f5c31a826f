/**
 * Admin CLI: `npm run cli -- <command> [options]`. Honours DATA_DIR / DATABASE_URL, prints JSON
 * on stdout, and a clear message on stderr with exit code 1 on error. A stable interface
 * (design.md "Interfaces other tools rely on").
 *
 * Two ways to run a command (README "Admin CLI"):
 * - a Hegao server holds the embedded data folder (its lock file names a live pid and the
 *   server wrote `hegao-admin.json` with the same pid): the command is sent to that server over
 *   the admin channel (loopback HTTP + the per-start token; lib/admin-channel/) and runs there;
 * - otherwise (no server, or DATABASE_URL): the CLI opens the database itself and migrates it.
 * The first way imports no database or domain module here, so the CLI answers in well under a
 * second; heavy modules are imported only on the second way.
 */
import path from "node:path";
import { readChannelCard, CHANNEL_PATH, type ChannelCard } from "../lib/admin-channel/channel-file";
import { readLockOwner } from "../db/lock";

/** The running server that holds the data folder, when there is one to talk to. */
function runningServer(): ChannelCard | null {
  if (process.env.DATABASE_URL) return null;
  const dir = path.resolve(process.env.DATA_DIR || "./data");
  const owner = readLockOwner(dir);
  if (!owner) return null;
  const card = readChannelCard(dir);
  return card && card.pid === owner.pid ? card : null;
}

/** `user:create` without --password: ask on this terminal (the server never prompts). */
async function withPassword(argv: string[]): Promise<string[]> {
  const given = argv.some((a) => a === "--password" || a.startsWith("--password="));
  if (argv[0] !== "user:create" || given || !process.stdin.isTTY) return argv;
  const { promptPassword } = await import("./cli/prompt");
  return [...argv, "--password", await promptPassword()];
}

async function viaServer(card: ChannelCard, argv: string[]): Promise<number> {
  let res: Response;
  try {
    res = await fetch(card.url + CHANNEL_PATH, {
      method: "POST",
      headers: { Authorization: `Bearer ${card.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ argv: await withPassword(argv), cwd: process.cwd() }),
    });
  } catch (err) {
    process.stderr.write(`错误: 数据目录正被运行中的服务器（pid ${card.pid}）使用，但无法连接它（${card.url}）：${(err as Error).message}\n`);
    return 1;
  }
  const body = (await res.json().catch(() => null)) as { code?: number; stdout?: string; stderr?: string; error?: { message: string } } | null;
  if (!res.ok || typeof body?.code !== "number") {
    process.stderr.write(`错误: 服务器拒绝了命令（HTTP ${res.status}）：${body?.error?.message ?? "未知错误"}\n`);
    return 1;
  }
  process.stdout.write(body.stdout ?? "");
  process.stderr.write(body.stderr ?? "");
  return body.code;
}

async function locally(argv: string[]): Promise<number> {
  const { runCommand } = await import("./cli/run-command");
  const { closeDb } = await import("../db/client");
  const out = await runCommand(argv);
  await closeDb().catch(() => {});
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  return out.code;
}

const argv = process.argv.slice(2);
const card = runningServer();
(card ? viaServer(card, argv) : locally(argv)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`错误: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
