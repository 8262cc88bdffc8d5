import { z } from "zod";
import { idempotencyKeySchema, idSchema } from "../input.schema";

export const effectiveSchema = z.enum(["IMMEDIATE", "NEXT_CYCLE"]);

export const tariffListInput = z.object({ lineId: idSchema.optional() }).optional();

export const previewTariffChangeInput = z.object({
  lineId: idSchema,
  tariffId: idSchema,
  effective: effectiveSchema,
});

export const changeTariffInput = previewTariffChangeInput.extend({ idempotencyKey: idempotencyKeySchema });

export const cancelTariffChangeInput = z.object({ changeId: idSchema });

export const recommendTariffInput = z.object({ lineId: idSchema });

export const lineChangesInput = z.object({ lineId: idSchema.optional() }).optional();

export type PreviewTariffChangeInput = z.infer<typeof previewTariffChangeInput>;
export type ChangeTariffInput = z.infer<typeof changeTariffInput>;
