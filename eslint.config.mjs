/**
 * The lint config is the map of the code: which layer a file belongs to, and what it may import.
 * Layers are folders (ELEMENTS); within the domain the file name says what a file is (FILES):
 * `*.schema.ts` a zod schema, `*.service.ts` code that touches the database, anything else a pure rule.
 *
 *   app/ (pages, components)          -> app/, and from server/ only schemas and pure rules
 *   app/ server entries               -> also the server package's entry points, loaded at run time as
 *     (route handlers, _trpc/server,     `@selfcare/server/...` (api/context, api/root, auth/auth-options,
 *      i18n/request)                     db/health, log); no other app file may name the package
 *   server/http  (the web server)     -> server/api, server/log, and pure rules (the client's address)
 *   server/api   (tRPC transport)     -> domain, server/auth, server/db, server/i18n, server/log
 *   server/auth  (next-auth, session) -> domain, server/db, server/log
 *   server/jobs  (the worker)         -> domain, server/auth, server/db, server/log
 *   domain services (*.service.ts)    -> domain, server/db, server/i18n, server/log
 *   domain pure rules (other files)   -> pure rules, schemas and the translator; never the database,
 *                                        not even its types
 *   domain schemas (*.schema.ts)      -> schemas and pure rules (forms in the browser reuse them)
 *   server/db                         -> server/log
 *   server/i18n                       -> server/log (server/i18n/locales.ts is a pure rule)
 * Domain code never imports next/*, next-auth or @trpc/*. Every service, db, auth, api, jobs and
 * http module imports "server-only", so a browser bundle that reaches one fails the build. No import
 * cycles in server/. Type-only imports cross the other walls (they vanish at compile time).
 */
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";

/** Files that must start their imports with `import "server-only"`. */
const SERVER_ONLY_FILES = [
  "server/domain/**/*.service.ts",
  "server/db/**/*.ts",
  "server/auth/**/*.ts",
  "server/api/**/*.ts",
  "server/jobs/**/*.ts",
  "server/http/**/*.ts",
  "server/log.ts",
  "server/i18n/translator.ts",
];

/** Layers by folder. */
const ELEMENTS = [
  { type: "app", pattern: "app" },
  { type: "http", pattern: "server/http" },
  { type: "api", pattern: "server/api" },
  { type: "auth", pattern: "server/auth" },
  { type: "jobs", pattern: "server/jobs" },
  { type: "db", pattern: "server/db" },
  { type: "i18n", pattern: "server/i18n" },
  { type: "domain", pattern: "server/domain" },
  { type: "server", pattern: "server" },
];

/** Kinds of file within a layer, by name. */
const FILES = [
  { category: "schema", pattern: "server/domain/**/*.schema.ts", stopMatching: true },
  { category: "service", pattern: "server/domain/**/*.service.ts", stopMatching: true },
  // Every other domain file is a pure rule (the database arrives as an argument, if at all).
  { category: "pure", pattern: ["server/domain/**/*.ts", "server/i18n/locales.ts"] },
  { category: "log", pattern: "server/log.ts" },
  { category: "server-entry", pattern: ["app/**/route.ts", "app/_trpc/server.ts", "app/i18n/request.ts"] },
];

const file = (categories) => ({ file: { categories } });
const layer = (type, categories) => ({ element: { type }, ...(categories ? file(categories) : {}) });
const allow = (...targets) => ({ to: targets });
const PURE = [layer("domain", "schema"), layer("domain", "pure"), layer("i18n", "pure")];
const DOMAIN = [...PURE, layer("domain", "service")];
const LOG = layer("server", "log");

/** What each layer may import (value imports; type-only imports are allowed everywhere). */
const POLICIES = [
  { from: layer("app"), allow: allow(layer("app"), ...PURE) },
  { from: layer("http"), allow: allow(layer("http"), layer("api"), LOG, ...PURE) },
  { from: layer("api"), allow: allow(layer("api"), layer("auth"), layer("db"), layer("i18n"), LOG, ...DOMAIN) },
  { from: layer("auth"), allow: allow(layer("auth"), layer("db"), LOG, ...DOMAIN) },
  { from: layer("jobs"), allow: allow(layer("jobs"), layer("auth"), layer("db"), LOG, ...DOMAIN) },
  { from: layer("domain", "service"), allow: allow(layer("db"), layer("i18n"), LOG, ...DOMAIN) },
  // Pure rules may render texts through the translator (messages in, text out).
  { from: layer("domain", "pure"), allow: allow(...PURE, layer("i18n")) },
  { from: layer("domain", "schema"), allow: allow(layer("domain", "schema"), layer("domain", "pure")) },
  { from: layer("db"), allow: allow(layer("db"), LOG) },
  { from: layer("i18n"), allow: allow(layer("i18n"), LOG) },
  { allow: { dependency: { kind: ["type", "typeof"] } } },
  // ...except that a pure rule does not even name the database: what touches it is a service.
  { from: layer("domain", "pure"), disallow: { to: [layer("db")] } },
];

/** `import "server-only"` must be among the imports of the files it is required in. */
const requireServerOnly = {
  meta: {
    type: "problem",
    messages: { missing: 'A server module must import "server-only" so that no browser bundle can include it.' },
    schema: [],
  },
  create(context) {
    return {
      Program(program) {
        const hasIt = program.body.some(
          (node) => node.type === "ImportDeclaration" && node.source.value === "server-only",
        );
        if (!hasIt) context.report({ node: program, messageId: "missing" });
      },
    };
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next*/**",
    "node_modules/**",
    ".data/**",
    "dist/**",
    "server/dist/**",
    "server/db/generated/**",
    "public/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      // A leading underscore names what a signature or a destructuring must take but does not use.
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      // react-hooks 7's React Compiler diagnostics judge code for the compiler, which this app does
      // not use (the effects that set state are subscriptions to browser state: online, viewport,
      // the service worker). The rules of hooks and exhaustive-deps stay on.
      "react-hooks/set-state-in-effect": "off",
      "react-hooks/purity": "off",
      "react-hooks/refs": "off",
      "react-hooks/immutability": "off",
      "react-hooks/incompatible-library": "off",
      "react-hooks/use-memo": "off",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "server/**/*.ts"],
    ignores: ["**/*.test.ts"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": ELEMENTS,
      "boundaries/files": FILES,
      "boundaries/include": ["app/**", "server/**"],
      "import/resolver": { typescript: { project: "./tsconfig.json" }, node: true },
    },
    rules: {
      "boundaries/dependencies": ["error", { default: "disallow", checkInternals: true, policies: POLICIES }],
    },
  },
  {
    // The browser and Next.js's bundles reach the server package only through these entry points.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/route.ts", "app/_trpc/server.ts", "app/i18n/request.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@selfcare/server", "@selfcare/server/*"],
              message: "Only route handlers, app/_trpc/server.ts and app/i18n/request.ts load the server package.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["server/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "Domain code does not know Next.js." },
            { group: ["@trpc/*"], message: "Domain code throws AppError; tRPC lives in server/api." },
          ],
        },
      ],
    },
  },
  {
    files: ["server/**/*.ts"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: SERVER_ONLY_FILES,
    // kysely.ts is the schema's table types and two dialect factories, with no connection or state:
    // the e2e fixtures, which run outside any server bundle, build their Kysely from it.
    ignores: ["**/*.test.ts", "server/db/kysely.ts"],
    plugins: { selfcare: { rules: { "require-server-only": requireServerOnly } } },
    rules: { "selfcare/require-server-only": "error" },
  },
  {
    files: ["server/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "no-console": "error" },
  },
]);
