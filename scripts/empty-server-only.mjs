/**
 * For scripts that load server/ from source with tsx outside Next.js (the seed, migrations,
 * benchmarks): `tsx --import ./scripts/empty-server-only.mjs <script>`. The "server-only" marker
 * throws outside React's server environment; here, as in the compiled @selfcare/server package
 * (scripts/build/server-package.ts), it is an empty module.
 */
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return nextResolve(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
