/**
 * How to run the production server (scripts/serve.ts): `node` with these arguments, one process
 * with tsx as its loader (the `tsx` command would put a second process in front of it).
 */
export const SERVE_ARGS = ["--import", "tsx", "scripts/serve.ts"];
