import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { KEEP_ALIVE_MS, makeGraceful } from "./graceful";

/** A server whose `/slow?ms=N` answers after N ms and `/fast` at once. */
async function startServer() {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    const ms = Number(url.searchParams.get("ms") ?? 0);
    setTimeout(() => response.end(`done after ${ms}`), ms);
  });
  const graceful = makeGraceful(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, graceful, base };
}

/** A GET over its own keep-alive agent, answered with the status and body or the socket error's code. */
function get(url: string, agent: http.Agent): Promise<{ status?: number; body?: string; error?: string }> {
  return new Promise((resolve) => {
    http
      .get(url, { agent }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode, body }));
      })
      .on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

const agents: http.Agent[] = [];
function keepAliveAgent() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(agent);
  return agent;
}
afterEach(() => agents.splice(0).forEach((agent) => agent.destroy()));

describe("makeGraceful", () => {
  it("keeps idle connections longer than the usual 60 s of load balancers and clients", async () => {
    const { server, graceful } = await startServer();
    expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_MS);
    expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    await graceful.shutdown(1_000);
  });

  it("lets a request in flight finish, refuses new connections and resolves drained", async () => {
    const { graceful, base } = await startServer();
    const inFlight = get(`${base}/slow?ms=400`, keepAliveAgent());
    await expect.poll(() => graceful.inFlight()).toBe(1);

    const stopped = graceful.shutdown(5_000);
    expect(await get(`${base}/fast`, keepAliveAgent())).toMatchObject({ error: "ECONNREFUSED" });
    expect(await inFlight).toEqual({ status: 200, body: "done after 400" });
    expect(await stopped).toEqual({ drained: true });
  });

  it("does not wait for idle keep-alive connections", async () => {
    const { graceful, base } = await startServer();
    const agent = keepAliveAgent();
    expect(await get(`${base}/fast`, agent)).toMatchObject({ status: 200 });
    const started = Date.now();
    expect(await graceful.shutdown(10_000)).toEqual({ drained: true });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("closes a keep-alive connection once its request in flight is answered", async () => {
    const { graceful, base } = await startServer();
    const agent = keepAliveAgent();
    expect(await get(`${base}/fast`, agent)).toMatchObject({ status: 200 });
    const inFlight = get(`${base}/slow?ms=300`, agent);
    await expect.poll(() => graceful.inFlight()).toBe(1);
    const started = Date.now();
    const stopped = graceful.shutdown(10_000);
    expect(await inFlight).toMatchObject({ status: 200 });
    expect(await stopped).toEqual({ drained: true });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("cuts what is still running at the deadline", async () => {
    const { graceful, base } = await startServer();
    const inFlight = get(`${base}/slow?ms=5000`, keepAliveAgent());
    await expect.poll(() => graceful.inFlight()).toBe(1);
    const started = Date.now();
    expect(await graceful.shutdown(300)).toEqual({ drained: false });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await inFlight).toMatchObject({ error: "ECONNRESET" });
  });
});
