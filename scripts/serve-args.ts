/** How to run the production web server (scripts/serve.ts, compiled by scripts/build.ts): `node` with these arguments, from the project folder. */
export const SERVE_ARGS = ["dist/serve.js"];
