import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticBrotli } from "./static-brotli";

const SCRIPT = `console.log(${JSON.stringify("пример ".repeat(500))});`;
let base = "";
let chunksDir = "";
let server: http.Server;

beforeAll(async () => {
  const distDir = mkdtempSync(path.join(tmpdir(), "static-brotli-"));
  chunksDir = path.join(distDir, "static/chunks");
  mkdirSync(chunksDir, { recursive: true });
  writeFileSync(path.join(distDir, "static/chunks/app.js"), SCRIPT);
  writeFileSync(path.join(distDir, "static/chunks/font.woff2"), "binary");
  writeFileSync(path.join(distDir, "secret.js"), "outside static");
  const serve = createStaticBrotli(distDir);
  // What the production server does: this handler first, then Next.js (here: a 404 marker).
  server = http.createServer((request, response) => {
    void serve(request, response).then((served) => {
      if (!served) response.writeHead(404, { "X-Handled-By": "next" }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw GET (fetch would decompress and hide the encoding). */
function get(
  pathname: string,
  acceptEncoding: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${pathname}`, { headers: { "Accept-Encoding": acceptEncoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

describe("createStaticBrotli", () => {
  it("serves a build script brotli-compressed, immutable, to a browser that accepts br", async () => {
    const answer = await get("/_next/static/chunks/app.js?dpl=1", "gzip, deflate, br, zstd");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(answer.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(answer.headers["vary"]).toBe("Accept-Encoding");
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
    expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
    // The second request is answered from memory, byte for byte the same.
    expect((await get("/_next/static/chunks/app.js", "br")).body.equals(answer.body)).toBe(true);
  });

  it("does not remember a file that was missing: once it is there, it is served", async () => {
    expect((await get("/_next/static/chunks/late.js", "br")).headers["x-handled-by"]).toBe("next");
    writeFileSync(path.join(chunksDir, "late.js"), SCRIPT);
    const answer = await get("/_next/static/chunks/late.js", "br");
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
  });

  it.each([
    ["a browser without brotli", "/_next/static/chunks/app.js", "gzip, deflate"],
    ["a file type it does not compress", "/_next/static/chunks/font.woff2", "br"],
    ["a file that is not in the build", "/_next/static/chunks/missing.js", "br"],
    ["a path that climbs out of the static folder", "/_next/static/..%2Fsecret.js", "br"],
    ["a malformed path", "/_next/static/%E0%A4%A.js", "br"],
    ["a page", "/dashboard", "br"],
  ])("leaves %s to Next.js", async (_case, pathname, acceptEncoding) => {
    const answer = await get(pathname, acceptEncoding);
    expect(answer.headers["x-handled-by"]).toBe("next");
  });
});
