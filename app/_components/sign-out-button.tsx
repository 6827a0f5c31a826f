"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" className="text-sm text-slate-300 hover:text-white" onClick={() => signOut({ callbackUrl: "/login" })}>
      退出登录
    </button>
  );
}
