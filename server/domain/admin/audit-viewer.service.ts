import "server-only";
import type { Prisma } from "@prisma/client";
import type { Database, SqlExecutor } from "../../db/client";
import { badRequest } from "../errors";
import type { ListAuditInput } from "./admin.schema";
import { decodeAuditCursor, encodeAuditCursor } from "./audit-cursor";

const PAGE = 50;

/**
 * The audit log, newest first, filtered by actor, entity (type and id), action and time range;
 * paginated by a keyset cursor so pages stay fast however long the log grows.
 */
export async function listAuditEntries(db: Database, input: NonNullable<ListAuditInput> = {}) {
  const take = input.limit ?? PAGE;
  if (input.from && input.to && input.to.getTime() <= input.from.getTime())
    throw badRequest("to", "The end must be after the start");
  if (input.cursor && !decodeAuditCursor(input.cursor)) throw badRequest("cursor", "Not a cursor of this list");
  const cursor = decodeAuditCursor(input.cursor);
  const where: Prisma.AuditLogWhereInput = {
    ...(input.actorId ? { actorId: input.actorId } : {}),
    ...(input.entityType ? { entityType: input.entityType } : {}),
    ...(input.entityId ? { entityId: input.entityId } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.from || input.to
      ? { at: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } }
      : {}),
    ...(cursor ? { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] } : {}),
  };
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      at: true,
      actorRole: true,
      ip: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      actor: { select: { id: true, name: true, email: true, role: true } },
    },
  });
  const items = rows.slice(0, take);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > take && last ? encodeAuditCursor(last) : null };
}

/** What the filters offer: entity types and actions present in the log, and everyone who acted. */
export async function getAuditFacets(db: SqlExecutor) {
  const [entityTypes, actions, actors] = await Promise.all([
    db.$kysely.selectFrom("AuditLog").select("entityType").distinct().orderBy("entityType").execute(),
    db.$kysely.selectFrom("AuditLog").select("action").distinct().orderBy("action").execute(),
    db.$kysely
      .selectFrom("User as u")
      .select(["u.id", "u.name", "u.email", "u.role"])
      .where(({ exists, selectFrom }) =>
        exists(selectFrom("AuditLog as a").select("a.id").whereRef("a.actorId", "=", "u.id")),
      )
      .orderBy("u.role")
      .orderBy("u.name")
      .execute(),
  ]);
  return {
    entityTypes: entityTypes.map((row) => row.entityType),
    actions: actions.map((row) => row.action),
    actors,
  };
}
