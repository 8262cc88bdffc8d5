import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { apiSignIn } from "./helpers";
import { findQuietSubscriberPhone, localeOf } from "./database";

/**
 * A deploy stops the process with SIGTERM. A third instance of `npm start` (the compiled
 * orchestrator, with its job runner) on the e2e database gets a request whose body is still
 * arriving when SIGTERM comes: the server refuses new connections, answers that request, then stops
 * the job runner and exits 0.
 */
const port = Number(process.env.E2E_PORT ?? 3100) + 2;
const base = `http://127.0.0.1:${port}`;
const databaseUrl = `postgresql://selfcare:selfcare@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 55491)}/selfcare`;

async function waitForHealth(deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no instance on ${base} after ${deadlineMs} ms`);
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", resolve)));
}

test("SIGTERM lets a request in flight complete, refuses new ones, stops the job runner and exits 0", async ({
  request,
}) => {
  test.setTimeout(180_000);
  const instance = spawn(process.execPath, ["dist/start.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: `.data/e2e-${port - 2}`,
      SHUTDOWN_DEADLINE_SECONDS: "20",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  instance.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  instance.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForHealth(120_000);
    const phone = await findQuietSubscriberPhone(20);
    expect((await apiSignIn(request, base, phone)).ok).toBe(true);
    const cookie = (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const before = await localeOf(phone);
    const locale = before === "en" ? "ru" : "en";

    // The request is under way: headers and half its body are in, the rest comes after SIGTERM.
    const body = JSON.stringify({ json: { locale } });
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    socket.write(
      `POST /api/trpc/me.setLocale HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nConnection: close\r\n` +
        `Cookie: ${cookie}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 5)}`,
    );
    await expect.poll(() => output).toContain("ready on");
    await new Promise((resolve) => setTimeout(resolve, 300));

    instance.kill("SIGTERM");
    await expect.poll(() => output).toContain("stopping: 1 request(s) in flight");
    // No new connection is taken while the drain runs.
    expect(
      await fetch(`${base}/api/health`).then(
        (r) => r.status,
        () => "refused",
      ),
    ).toBe("refused");

    socket.write(body.slice(5));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(await localeOf(phone)).toBe(locale);

    expect(await exitOf(instance), output).toBe(0);
    expect(output).toContain("[jobs] stopped: running jobs finished");
  } finally {
    if (instance.exitCode === null) instance.kill("SIGKILL");
  }
});
