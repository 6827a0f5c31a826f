"use client";
/**
 * Who is in this section now: a chip per connected person. The dot is the person's own caret
 * colour (lib/collab/person-color), ringed in their department's colour, so two people of one
 * department are told apart in the text and still read as one department here.
 */
import type { Peer } from "@/lib/collab/client/section-collab";

export function PresenceList({ peers }: { peers: Peer[] }) {
  const seen = new Set<string>();
  const people = peers.filter((p) => !seen.has(p.name + p.color) && seen.add(p.name + p.color));
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-xs" data-testid="presence">
      <span className="text-slate-500">在线：</span>
      {people.map((p) => (
        <span
          key={p.clientId}
          className="inline-flex items-center gap-1.5 rounded-full border bg-white px-2 py-0.5"
          style={{ borderColor: p.deptColor }}
          data-testid="presence-user"
          data-color={p.color}
          data-dept-color={p.deptColor}
        >
          <span
            className="inline-block h-2.5 w-2.5 rounded-full"
            style={{ background: p.color, boxShadow: `0 0 0 1.5px #fff, 0 0 0 3px ${p.deptColor}` }}
            aria-hidden
          />
          {p.name}
          {p.self && <span className="-ml-1 text-slate-400">（我）</span>}
        </span>
      ))}
    </div>
  );
}
