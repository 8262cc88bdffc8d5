/** `npm run db:migrate`: apply pending migrations to DATABASE_URL. */
import { applyMigrations } from "../server/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the PostgreSQL server to migrate.");
  process.exit(1);
}
const applied = await applyMigrations(url);
console.log(applied ? `Applied ${applied} migration(s).` : "No pending migrations.");
