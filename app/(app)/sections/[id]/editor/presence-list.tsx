"use client";
/** Who is in this section now: a chip per connected person in their department's colour. */
import type { Peer } from "@/lib/collab/client/section-collab";

export function PresenceList({ peers }: { peers: Peer[] }) {
  const seen = new Set<string>();
  const people = peers.filter((p) => !seen.has(p.name + p.color) && seen.add(p.name + p.color));
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-xs" data-testid="presence">
      <span className="text-slate-500">在线：</span>
      {people.map((p) => (
        <span key={p.clientId} className="inline-flex items-center gap-1 rounded-full border border-slate-200 bg-white px-2 py-0.5" data-testid="presence-user">
          <span className="inline-block h-2 w-2 rounded-full" style={{ background: p.color }} />
          {p.name}
          {p.self && <span className="-ml-1 text-slate-400">（我）</span>}
        </span>
      ))}
    </div>
  );
}
