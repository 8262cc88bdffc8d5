// Demo data: `npx tsx prisma/seed.ts [--customers N] [--reset] [--now YYYY-MM-DD]` against DATABASE_URL.
// `--now` pretends the seed runs on another day (history follows that month); for trying things out.
import { resetDatabase } from "./seed/reset";
import { DEFAULT_CUSTOMERS, seedDemo } from "./seed/seed-demo";

const USAGE = "Usage: tsx prisma/seed.ts [--customers N] [--reset] [--now YYYY-MM-DD]";

function parseArgs(argv: string[]): { customers: number; reset: boolean; now?: Date } {
  let customers = DEFAULT_CUSTOMERS;
  let reset = false;
  let now: Date | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--reset") reset = true;
    else if (arg === "--customers" || arg.startsWith("--customers=")) {
      const value = arg.includes("=") ? arg.split("=")[1] : argv[++i];
      customers = Number(value);
      if (!Number.isInteger(customers) || customers < 3)
        throw new Error(`--customers needs an integer of at least 3, got "${value}"`);
    } else if (arg === "--now" || arg.startsWith("--now=")) {
      const value = arg.includes("=") ? arg.split("=")[1] : argv[++i];
      now = new Date(value ?? "");
      if (Number.isNaN(now.getTime())) throw new Error(`--now needs a date such as 2026-11-05, got "${value}"`);
    } else {
      throw new Error(`Unknown argument "${arg}". ${USAGE}`);
    }
  }
  return { customers, reset, now };
}

async function main(): Promise<void> {
  const { customers, reset, now } = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  if (reset) {
    const tables = await resetDatabase(databaseUrl);
    console.log(`[seed] reset: truncated ${tables.length} tables`);
  }
  await seedDemo(databaseUrl, { customers, now, log: (line) => console.log(line) });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
