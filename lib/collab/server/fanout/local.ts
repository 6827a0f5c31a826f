/**
 * The fan-out of a single instance (the default): every room of a section is in this process,
 * so there is nobody to tell. Today's behaviour, unchanged.
 */
import type { Fanout, RoomChannel } from "./types";

const channel: RoomChannel = {
  ready: Promise.resolve(),
  loaded() {},
  local() {},
  awareness() {},
  close() {},
};

/** A fan-out that does nothing (one instance). */
export const localFanout: Fanout = {
  instanceId: "local",
  ordered: false,
  open: () => channel,
  taken: () => 0,
  committed() {},
  compacted() {},
  holdOthers: async () => () => {},
  serve() {},
  close: async () => {},
};
