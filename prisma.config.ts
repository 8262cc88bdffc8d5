import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

// The wasm schema engine cannot read PostgreSQL columns of type `name` (OID 19) that the
// catalog queries return (prisma/orm#27403); they are plain text to it.
const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;
type FieldDescription = { dataTypeID: number };
const resultPrototype = (pg as unknown as { Result: { prototype: { addFields(fields: FieldDescription[]): void } } })
  .Result.prototype;
const addFields = resultPrototype.addFields;
resultPrototype.addFields = function (fields: FieldDescription[]) {
  for (const field of fields) if (field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
  return addFields.call(this, fields);
};

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    const pool = new pg.Pool({ connectionString, max: 2 });
    pool.on("error", () => {});
    return new PrismaPg(pool);
  },
});
