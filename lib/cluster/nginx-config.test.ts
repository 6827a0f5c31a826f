import { describe, expect, it } from "vitest";
import { nginxConfig } from "./nginx-config";

describe("nginxConfig", () => {
  const conf = nginxConfig({ listen: 8080, upstreams: ["127.0.0.1:8081", "127.0.0.1:8082", "127.0.0.1:8083"], runDir: "/tmp/run" });

  it("balances over every instance without stickiness", () => {
    for (const p of [8081, 8082, 8083]) expect(conf).toContain(`server 127.0.0.1:${p} `);
    expect(conf).not.toMatch(/ip_hash|hash |sticky/);
  });

  it("upgrades WebSockets and forwards the client's host, address and scheme", () => {
    expect(conf).toContain("proxy_set_header Upgrade $http_upgrade;");
    expect(conf).toContain("proxy_set_header Connection $connection_upgrade;");
    expect(conf).toMatch(/X-Forwarded-For \$proxy_add_x_forwarded_for/);
    expect(conf).toContain("listen 8080;");
  });

  it("keeps every file of a local run in its folder", () => {
    expect(conf).toContain("pid /tmp/run/nginx.pid;");
    expect(conf).toContain("client_body_temp_path /tmp/run/body;");
  });
});
