/**
 * Runs in the browser before the app's own code (Next.js's `instrumentation-client`). zod 4 compiles
 * its object parsers with `new Function` after probing whether the page allows it; under the
 * Content-Security-Policy (server/http/security-headers.ts: no 'unsafe-eval') the probe fails, and
 * Chromium reports the failed probe as a violation even though zod catches it. Jitless, zod parses
 * without the probe and without eval.
 */
import { config } from "zod";

config({ jitless: true });
