/**
 * next-auth (v4) configuration: credentials provider with the fields `username` and `password`
 * (a script signs in with `POST /api/auth/callback/credentials` like a browser), JWT sessions.
 * Errors thrown by `authorize` reach the sign-in page as their (Chinese) message. The client
 * address for the per-address throttle comes from the header server.ts sets (lib/http/client-address.ts).
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { addressFromHeaders } from "@/lib/http/client-address";
import { authenticate, type SessionUser } from "./authenticate";

const credentialsSchema = z.object({
  username: z.string().trim().min(1, "请输入用户名").max(100),
  password: z.string().min(1, "请输入密码").max(200),
});

/** Session lifetime: one working week (seconds). */
export const SESSION_MAX_AGE_S = 7 * 24 * 3600;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: { username: { label: "用户名", type: "text" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "请输入用户名和密码");
        try {
          return await authenticate(await getDb(), parsed.data.username, parsed.data.password, {
            address: addressFromHeaders(req?.headers as Record<string, unknown> | undefined),
          });
        } catch (err) {
          if (err instanceof AppError) throw new Error(err.message);
          console.error("[hegao] sign-in failed", err);
          throw new Error("登录服务暂时不可用，请稍后重试");
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as SessionUser;
        token.sub = u.id;
        token.user = u;
      }
      return token;
    },
    session({ session, token }) {
      (session as unknown as { user: SessionUser }).user = token.user as SessionUser;
      return session;
    },
  },
};
