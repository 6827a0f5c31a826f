/**
 * The nginx configuration of a local cluster (`npm run cluster`) and of the README's
 * production recipe: round-robin over the instances (no sticky sessions: any instance serves
 * any client), WebSocket upgrade for `/collab/`, forwarded headers for TRUST_PROXY=1, long
 * read timeouts for the collaboration sockets and the notification stream (SSE, unbuffered).
 */

export interface NginxConfigOptions {
  /** Port nginx listens on. */
  listen: number;
  /** `host:port` of each instance. */
  upstreams: string[];
  /** Folder for nginx's pid, logs and temp files (a local run as an ordinary process). */
  runDir?: string;
}

/** The upstream and server blocks (what goes inside `http { … }` in production). */
export function nginxSite(o: Pick<NginxConfigOptions, "listen" | "upstreams">): string {
  return `map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      close;
}
upstream hegao {
${o.upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=5s;`).join("\n")}
}
server {
    listen ${o.listen};
    client_max_body_size 60m;
    location / {
        proxy_pass http://hegao;
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Host $http_host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_buffering off;
        proxy_read_timeout 1h;
        proxy_send_timeout 1h;
        proxy_next_upstream error timeout http_502 http_503;
    }
}
`;
}

/** A complete nginx.conf for a foreground (`daemon off`) local run in `runDir`. */
export function nginxConfig(o: NginxConfigOptions & { runDir: string }): string {
  const d = o.runDir;
  return `daemon off;
worker_processes 1;
pid ${d}/nginx.pid;
error_log ${d}/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path ${d}/body;
    proxy_temp_path ${d}/proxy;
    fastcgi_temp_path ${d}/fastcgi;
    uwsgi_temp_path ${d}/uwsgi;
    scgi_temp_path ${d}/scgi;
${nginxSite(o).replace(/^/gm, "    ").trimEnd()}
}
`;
}
