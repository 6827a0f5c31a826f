/**
 * Asks for a password on the terminal without echoing it. Light on purpose (node:readline
 * only): the CLI client uses it before sending `user:create` to a running server.
 * @throws Error when stdin is not a terminal (the caller turns it into its own message).
 */
import { createInterface } from "node:readline/promises";

export async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error("stdin is not a terminal");
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write("密码: ");
  out._writeToOutput = () => {};
  const password = await rl.question("");
  rl.close();
  process.stderr.write("\n");
  return password;
}
