/**
 * Whether the CLI command running now was sent by a CLI process over the admin channel (it
 * then runs inside the server, which must never read its own terminal). AsyncLocalStorage, so
 * concurrent channel requests and the server's own work do not see each other's flag.
 */
import { AsyncLocalStorage } from "node:async_hooks";

const remote = new AsyncLocalStorage<true>();

/** Runs `fn` as a command received over the admin channel. */
export function runAsRemote<T>(fn: () => Promise<T>): Promise<T> {
  return remote.run(true, fn);
}

/** True inside `runAsRemote`. */
export function isRemote(): boolean {
  return remote.getStore() === true;
}
