/** The review state as a coloured badge (the shared one, app/_components/state-badge.tsx). */
export { StateBadge } from "@/app/_components/state-badge";
