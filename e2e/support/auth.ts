/**
 * Signs in over HTTP exactly as a script would: GET /api/auth/csrf, then POST the credentials
 * form to /api/auth/callback/credentials. The session cookie lands in the browser context.
 */
import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";

export const DEMO_PASSWORD = "hegao-demo";

/** Signs `request` (a context's request, sharing its cookies) in; returns the HTTP status. */
export async function apiSignIn(request: APIRequestContext, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<number> {
  const csrf = await request.get(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post(`${baseUrl}/api/auth/callback/credentials`, {
    form: { username, password, csrfToken, json: "true" },
    maxRedirects: 0,
  });
  return res.status();
}

/** A new browser context signed in as `username`, with a page at `path`. */
export async function signedInPage(
  browser: { newContext(opts?: object): Promise<BrowserContext> },
  baseUrl: string,
  username: string,
  path = "/",
): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl });
  await apiSignIn(context.request, baseUrl, username);
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

/** Signs in through the sign-in form, like a person. */
export async function formSignIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}
