import { startEmbeddedDatabase } from "../server/db/embedded";
const db = await startEmbeddedDatabase({ dataDir: "/tmp/devdata", port: 55432 });
console.log(db.url);
process.on("SIGTERM", async () => {
  await db.stop();
  process.exit(0);
});
setInterval(() => {}, 1 << 30);
