import { customerIdOf } from "./callers";
import { testDb } from "./db";

/** Starts a demo subscriber with no request history, so earlier contacts do not count as repeats. */
export async function clearRequests(phone: string): Promise<string> {
  const customerId = await customerIdOf(phone);
  await testDb().serviceRequest.deleteMany({ where: { customerId } });
  return customerId;
}
