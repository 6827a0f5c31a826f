/**
 * Starts cluster mode for this process: two Redis connections, the Redis fan-out of the
 * collaboration rooms (lib/collab/server/fanout/redis.ts) and the relays that carry the bus's
 * state / access / reload events and the notifications signal to every instance.
 * Returns the fan-out and the cluster-wide connection limits (connection-limit-redis.ts, on a
 * third connection opened at first use) for `createCollabServer`, and a stop function (relays
 * removed, `bye` sent, connections closed).
 */
import { Redis } from "ioredis";
import type { Db } from "@/db/client";
import { deliverBusEvent, setBusRelay, type BusEvents } from "@/lib/collab/bus";
import { readLogAfter, readMaxIds } from "@/lib/collab/server/fanout/log-reads";
import { RedisFanout } from "@/lib/collab/server/fanout/redis";
import type { ConnectionLimits } from "@/lib/collab/server/connection-limit";
import { RedisConnectionLimit } from "@/lib/collab/server/connection-limit-redis";
import { deliverNotificationsChanged, setNotificationsRelay } from "@/lib/notify/live";

export interface ClusterOptions {
  redisUrl: string;
  db: () => Promise<Db>;
  log: (message: string, err?: unknown) => void;
  /** Install the process-wide relays (false in tests that run two instances in one process). */
  relays?: boolean;
  /** Fan-out timings (tests shorten them). */
  timings?: Partial<Pick<ConstructorParameters<typeof RedisFanout>[0], "prefix" | "graceMs" | "checkMs" | "heartbeatMs" | "deadAfterMs" | "holdTimeoutMs">>;
}

/** Connects to Redis and returns the fan-out and the limits; `stop` removes the relays and disconnects. */
export function startCluster(opts: ClusterOptions): { fanout: RedisFanout; connectionLimits: ConnectionLimits; stop(): Promise<void> } {
  const connect = () => {
    // disableClientInfo: ioredis 5.8.2 may send CLIENT SETINFO / INFO after a queued SUBSCRIBE
    // and fail with "Connection in subscriber mode" (redis/ioredis#2037).
    const r = new Redis(opts.redisUrl, { maxRetriesPerRequest: null, disableClientInfo: true, retryStrategy: (n) => Math.min(100 * n, 1000) });
    r.on("error", (err) => opts.log("redis", err));
    return r;
  };
  const fanout = new RedisFanout({
    pub: connect(),
    sub: connect(),
    readAfter: async (id, after) => readLogAfter(await opts.db(), id, after),
    maxIds: async (ids) => readMaxIds(await opts.db(), ids),
    log: opts.log,
    ...opts.timings,
    onControl: (msg) => {
      if (opts.relays === false) return;
      if (msg.t === "bus") deliverBusEvent(msg.k, msg.p as BusEvents[typeof msg.k]);
      if (msg.t === "nc") deliverNotificationsChanged(msg.ids);
    },
  });
  let limitsRedis: Redis | undefined;
  // Keys `<prefix>conn:<kind>:<key>`: the instances of one deployment share them, like the channels.
  const connectionLimits: ConnectionLimits = (kind, max) =>
    new RedisConnectionLimit({ redis: (limitsRedis ??= connect()), prefix: `${opts.timings?.prefix ?? "hegao:"}conn:${kind}:`, max, log: opts.log });
  if (opts.relays !== false) {
    setBusRelay({ publish: (k, p) => fanout.publishControl({ t: "bus", i: fanout.instanceId, k, p }) });
    setNotificationsRelay({
      publish: (ids) => {
        deliverNotificationsChanged(ids); // this instance at once; the others through Redis
        fanout.publishControl({ t: "nc", i: fanout.instanceId, ids });
      },
    });
  }
  return {
    fanout,
    connectionLimits,
    async stop() {
      if (opts.relays !== false) {
        setBusRelay(undefined);
        setNotificationsRelay(undefined);
      }
      await fanout.close();
      limitsRedis?.disconnect();
    },
  };
}
