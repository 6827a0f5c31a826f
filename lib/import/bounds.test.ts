/**
 * Bounded imports (issue 9, finding 5): zip bombs and oversized or hostile files are refused
 * quickly, with little memory, while the event loop (everyone else's typing) stays responsive;
 * the worker's time and heap limits hold.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { importFile, importText } from "./index";
import { importErrorCode } from "./test-helpers";
import { buildDocx, deflatedRepeat, rawZip } from "./word/test-docx";
import { prewarmImportWorker, runInWorker } from "./worker/run";

const SEED = path.resolve(__dirname, "../../../shared/fixtures/seeds/group-company-2020h1.txt");
const GB = 1024 ** 3;

/** Runs `fn` and measures its wall time (ms), RSS growth (bytes) and the loop delay p99 (ms). */
async function measured<T>(fn: () => Promise<T>) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  loop.enable();
  const t0 = performance.now();
  let outcome: { value?: T; error?: unknown };
  try {
    outcome = { value: await fn() };
  } catch (error) {
    outcome = { error };
  }
  const ms = performance.now() - t0;
  loop.disable();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const result = { ...outcome, ms, rssGrowth: peak - rss0, p99: loop.percentile(99) / 1e6 };
  const what = result.error ? (result.error as Error).message.slice(0, 40) : "ok";
  console.info(`[bounds] ${what}: ${Math.round(ms)} ms, RSS +${Math.round(result.rssGrowth / 1048576)} MB, loop p99 ${Math.round(result.p99)} ms`);
  return result;
}

describe("zip bombs and limits", () => {
  beforeAll(() => prewarmImportWorker()); // as the import page does; start-up is not the bomb's cost

  it("refuses a 1 MB → 1 GB bomb in under 2 s, with < 100 MB more memory and the loop responsive", async () => {
    const deflated = deflatedRepeat(1024);
    const bomb = rawZip([{ name: "word/document.xml", deflated, declaredSize: GB }]);
    expect(bomb.length).toBeGreaterThan(1_000_000);
    expect(bomb.length).toBeLessThan(1_200_000);
    const m = await measured(() => importFile({ bytes: bomb, filename: "总结.docx" }));
    expect((m.error as Error).message).toMatch(/解压后超过 200 MB/);
    expect(m.ms).toBeLessThan(2000);
    expect(m.rssGrowth).toBeLessThan(100 * 1024 * 1024);
    expect(m.p99).toBeLessThan(100);
  });

  it("refuses the same bomb when its headers lie (declares 2 KB): inflating stops at 20 MB, off the loop", async () => {
    const bomb = rawZip([{ name: "word/document.xml", deflated: deflatedRepeat(1024), declaredSize: 2048 }]);
    const m = await measured(() => importFile({ bytes: bomb, filename: "bomb.docx" }));
    expect((m.error as Error).message).toMatch(/word\/document\.xml.*解压后超过 20 MB/);
    expect(m.ms).toBeLessThan(2000);
    expect(m.rssGrowth).toBeLessThan(100 * 1024 * 1024);
    expect(m.p99).toBeLessThan(100);
  });

  it("refuses an XML part declared over 20 MB and a zip of 2,500 entries", async () => {
    const big = rawZip([{ name: "word/document.xml", deflated: deflatedRepeat(25), declaredSize: 25 * 1024 * 1024 }]);
    await expect(importFile({ bytes: big, filename: "a.docx" })).rejects.toThrow(/解压后超过 20 MB/);
    const tiny = zlib.deflateRawSync(Buffer.from("<x/>"));
    const many = rawZip(Array.from({ length: 2500 }, (_, i) => ({ name: `word/media/${i}.xml`, deflated: tiny, declaredSize: 4 })));
    const m = await measured(() => importFile({ bytes: many, filename: "a.docx" }));
    expect((m.error as Error).message).toMatch(/文件过多（2500 个，上限 2000 个）/);
    expect(m.ms).toBeLessThan(500); // refused before any worker: from the central directory
  });

  it("still imports a normal .docx after the bombs", async () => {
    const r = await importFile({ bytes: await buildDocx([{ text: "2026年工作总结", style: "Title" }, { text: "主要工作", style: "1" }, { text: "正文。" }]), filename: "a.docx" });
    expect(r.sections).toEqual([{ level: 1, title: "主要工作", body: "正文。", placeholders: 0 }]);
  });
});

describe("the worker's limits", () => {
  it("keeps the loop responsive while a 9.5 MB .txt is imported", async () => {
    const seed = readFileSync(SEED, "utf8");
    const body = seed.split("\n").filter((l) => l.trim() && !/^[一二三（]/.test(l.trim())).join("\n");
    const text = `2020年工作总结\n一、主要工作\n${`${body}\n`.repeat(Math.floor((9.5 * 1024 * 1024) / Buffer.byteLength(`${body}\n`)))}`;
    const bytes = new Uint8Array(Buffer.from(text));
    expect(bytes.length).toBeGreaterThan(9 * 1024 * 1024);
    const m = await measured(() => importFile({ bytes, filename: "big.txt" }));
    // Either parsed or stopped at the time limit on a busy machine; never on the event loop.
    if (m.error) expect(await importErrorCode(() => Promise.reject(m.error))).toBe("timeout");
    else expect(m.value!.sections.reduce((n, s) => n + s.body.length, 0)).toBeGreaterThan(1_000_000);
    expect(m.p99).toBeLessThan(100);
  }, 30_000);

  it("terminates a job over its time limit with a Chinese message", async () => {
    const text = `一、标题\n${"正文一段。\n".repeat(300_000)}`;
    const m = await measured(() => runInWorker({ kind: "text", text }, { timeoutMs: 300, heapMb: 256 }));
    expect(await importErrorCode(() => Promise.reject(m.error))).toBe("timeout");
    expect((m.error as Error).message).toMatch(/解析超时/);
  });

  it("stops a job that needs more heap than allowed and the next job still runs", async () => {
    const text = `一、标题\n${"正文一段，含有占位符X次。\n".repeat(400_000)}`;
    const m = await measured(() => runInWorker({ kind: "text", text }, { timeoutMs: 20_000, heapMb: 8 }));
    expect(await importErrorCode(() => Promise.reject(m.error))).toBe("too_complex");
    expect((m.error as Error).message).toMatch(/超出内存上限/);
    const ok = await runInWorker({ kind: "text", text: "一、标题\n正文。" });
    expect(ok.sections).toHaveLength(1);
  }, 30_000);
});

describe("text hygiene", () => {
  it("strips C0 control characters from imported text", () => {
    const r = importText("2026年工作总结\u0000\n开头\u0007段落。\n一、主要\u001b工作\n正文\u0000。");
    expect(r.title).toBe("2026年工作总结");
    expect(r.preamble).toBe("开头段落。");
    expect(r.sections).toEqual([{ level: 1, title: "主要工作", body: "正文。", placeholders: 0 }]);
  });
});
