/**
 * `PATCH /api/admin/users/<username>` with any of `{ role, department, disabled, unlock: true,
 * lead, email }` (admin only; department by name; email null or "" clears it) →
 * `{ username, role, department, disabled, locked, lead, email }`.
 * 403 not an admin, 404 unknown account, 422 invalid body / unknown department / disabling or
 * demoting oneself; errors as `{ error: { code, message, field? } }`. Same command as the CLI's
 * `user:update` (lib/accounts/update-account.ts), which also tells the collaboration server.
 */
import { apiHandler } from "@/app/_server/api";
import { getDb } from "@/db/client";
import { updateAccount } from "@/lib/accounts/update-account";
import { validation } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const PATCH = apiHandler(async ({ req, user, params }) => {
  const changes = await req.json().catch(() => {
    throw validation("请求体必须是 JSON：{ role?, department?, disabled?, unlock?, lead?, email? }");
  });
  return updateAccount(await getDb(), { actor: user, username: decodeURIComponent(params.username), changes });
});
