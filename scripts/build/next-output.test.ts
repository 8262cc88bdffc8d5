import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { checkNextOutput, problemsOf } from "./next-output";

let project = "";
let distDir = "";

function write(file: string, text: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A server chunk as Turbopack writes it: the code, and its source map listing the bundled modules. */
function chunk(name: string, sources: string[], code = "module.exports=[]", sectioned = false) {
  const file = path.join(distDir, "server/chunks", name);
  write(file, code);
  const map = sectioned
    ? { version: 3, sections: [{ offset: { line: 0, column: 0 }, map: { version: 3, sources, mappings: "" } }] }
    : { version: 3, sources, mappings: "" };
  write(`${file}.map`, JSON.stringify(map));
}

const LOADS_PACKAGE =
  'e.x(".selfcare-server-4363abe09f05e92e/api/root",()=>require(".selfcare-server-4363abe09f05e92e/api/root"))';

beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), "next-output-"));
  distDir = path.join(project, ".next");
  write(path.join(project, "server/domain/routing/policy.schema.ts"), 'import { z } from "zod";\n');
  write(path.join(project, "server/domain/routing/route-contact.ts"), "export const x = 1;\n");
  write(
    path.join(project, "server/domain/billing/bill-cache.ts"),
    'import "server-only";\nexport const cache = new Map();\n',
  );
});

describe("checkNextOutput", () => {
  it("passes a build that bundles only pure shared modules and loads the package at run time", () => {
    chunk("page.js", ["../../../server/domain/routing/policy.schema.ts", "../../../node_modules/zod/v4/core/core.js"]);
    chunk("route.js", ["turbopack:///[project]/server/domain/routing/route-contact.ts"], LOADS_PACKAGE);
    const report = checkNextOutput(distDir, project);
    expect(report).toEqual({ maps: 2, packageReferences: 1, bundled: [] });
    expect(problemsOf(report)).toBeNull();
  });

  it("names each stateful module bundled into the output, with the chunk and the reason", () => {
    chunk(
      "ssr/app.js",
      [
        "../../../../server/db/client.ts",
        "../../../../server/auth/session-token.ts",
        "../../../../server/domain/billing/bill.service.ts",
        "../../../../server/domain/billing/bill-cache.ts",
        "../../../../server/domain/routing/policy.schema.ts",
      ],
      LOADS_PACKAGE,
      true,
    );
    expect(checkNextOutput(distDir, project).bundled).toEqual([
      { module: "server/db/client.ts", chunk: "server/chunks/ssr/app.js", reason: "under server/db/" },
      { module: "server/auth/session-token.ts", chunk: "server/chunks/ssr/app.js", reason: "under server/auth/" },
      { module: "server/domain/billing/bill.service.ts", chunk: "server/chunks/ssr/app.js", reason: "a service" },
      {
        module: "server/domain/billing/bill-cache.ts",
        chunk: "server/chunks/ssr/app.js",
        reason: 'it imports "server-only"',
      },
    ]);
  });

  it("refuses the compiled package bundled in place of loading it (a symlinked workspace that Turbopack followed)", () => {
    chunk("a.js", ["../../../node_modules/.selfcare-server/api/root.js"], LOADS_PACKAGE);
    chunk("b.js", ["../../../server/dist/db/client.js"]);
    const problems = problemsOf(checkNextOutput(distDir, project));
    expect(problems).toEqual([
      "node_modules/.selfcare-server/api/root.js is bundled into server/chunks/a.js (a file of the compiled @selfcare/server package)",
      "server/dist/db/client.js is bundled into server/chunks/b.js (a file of the compiled @selfcare/server package)",
    ]);
  });

  it("fails when it cannot see: no source maps, or no chunk that loads the package", () => {
    expect(problemsOf(checkNextOutput(distDir, project))).toEqual([
      "no source maps in the server output, so nothing could be checked",
      "no server chunk loads the @selfcare/server package at run time",
    ]);
    chunk("page.js", ["../../../server/domain/routing/policy.schema.ts"]);
    expect(problemsOf(checkNextOutput(distDir, project))).toEqual([
      "no server chunk loads the @selfcare/server package at run time",
    ]);
  });
});
