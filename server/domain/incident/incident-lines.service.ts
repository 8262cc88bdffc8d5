import "server-only";
import { sql } from "kysely";
import type { Transaction } from "../../db/client";
import { kindsTouchedBy, type IncidentScope } from "./incident-area";

/**
 * Records the lines an incident touches (IncidentLine), replacing an earlier match when the area
 * or services changed: `isLineAffected` (incident-area.ts) in one statement, with the line's
 * customer so "my incidents" and the credits read one index. Terminated lines are out of scope.
 * Answers the number of lines matched.
 */
export async function matchIncidentLines(tx: Transaction, incidentId: string, scope: IncidentScope): Promise<number> {
  const kinds = kindsTouchedBy(scope.services);
  await tx.incidentLine.deleteMany({ where: { incidentId } });
  if (!kinds.length) return 0;
  await sql`
    INSERT INTO "IncidentLine" ("incidentId", "lineId", "customerId")
    SELECT ${incidentId}, l.id, l."customerId"
      FROM "Line" l
     WHERE l.status <> 'TERMINATED'
       AND l.kind = ANY(${kinds}::"ServiceKind"[])
       AND (l."serviceRegion" = ANY(${[...scope.regions]}::text[])
            OR l.cells && ${[...scope.cells]}::text[]
            OR l."accessNode" = ANY(${[...scope.nodes]}::text[])
            OR l.building = ANY(${[...scope.buildings]}::text[]))`.execute(tx.$kysely);
  return tx.incidentLine.count({ where: { incidentId } });
}
