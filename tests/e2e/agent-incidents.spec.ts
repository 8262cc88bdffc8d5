import { expect, test } from "@playwright/test";
import { E2E_INCIDENTS_TOKEN } from "../../playwright.config";
import { findQuietSubscriberPhone, moveLineToCell, setLocaleOf } from "./database";
import { FIRST, apiSignIn, openCustomer360AsAgent, trpcMutation } from "./helpers";

// An agent during an outage: the customer's 360 shows the incident on their line, the agent attaches
// the customer's complaint to it, and the queue shows the incident's requests as one group.
test.describe("agents during a network outage", () => {
  let incidentId: string | null = null;

  test.afterAll(async ({ request }) => {
    if (!incidentId) return;
    await request.post(`${FIRST}/api/incidents`, {
      headers: { authorization: `Bearer ${E2E_INCIDENTS_TOKEN}` },
      data: { ...outage, resolvedAt: new Date().toISOString() },
    });
  });

  const cell = `E2E-C-AGENT-${Date.now()}`;
  const outage = {
    externalId: `e2e-agent-${Date.now()}`,
    services: ["VOICE", "MOBILE_DATA"],
    area: { cells: [cell] },
    startedAt: new Date(Date.now() - 40 * 60_000).toISOString(),
    etaAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
    message: { ru: "Авария на базовой станции", en: "A cell site is down" },
  };

  test("sees the incident in the 360, attaches the complaint, and finds it grouped in the queue", async ({
    page,
    request,
  }) => {
    const phone = await findQuietSubscriberPhone(68);
    await setLocaleOf(phone, "ru");
    await moveLineToCell(phone, cell);
    const declared = await request.post(`${FIRST}/api/incidents`, {
      headers: { authorization: `Bearer ${E2E_INCIDENTS_TOKEN}` },
      data: outage,
    });
    expect(declared.status()).toBe(201);
    const incident = (await declared.json()) as { id: string; number: number; affectedLines: number };
    incidentId = incident.id;
    expect(incident.affectedLines).toBe(1);

    await apiSignIn(request, FIRST, phone);
    const complaint = await trpcMutation(request, FIRST, "request.create", {
      category: "COMPLAINT",
      subject: "Плохая связь",
      description: "Связь пропадает весь день, прошу разобраться",
      idempotencyKey: `e2e-agent-incident-${Date.now()}`,
    });
    expect(complaint.status).toBe(200);

    await openCustomer360AsAgent(page, phone);
    const card = page.getByTestId("c360-incidents");
    await expect(card.getByText(`Incident #${incident.number}: calls, mobile internet`)).toBeVisible();
    await expect(card.getByText("A cell site is down")).toBeVisible();
    await expect(card.getByText(/no requests attached/)).toBeVisible();

    // The complaint's own page: attach it to the incident.
    await page.goto(`${FIRST}/agent/requests/${complaint.body.result.data.json.id}`);
    const onRequest = page.getByTestId("c360-incidents");
    await onRequest.getByRole("button", { name: "Attach this request to the incident" }).click();
    await expect(onRequest.getByText("This request is attached to the incident")).toBeVisible();

    await page.goto(`${FIRST}/agent`);
    const group = page.getByTestId(`queue-incident-${incident.number}`);
    await expect(group).toContainText("1 request waiting");
    await group.getByRole("button", { name: "Show its requests" }).click();
    await expect(page.getByText(`Only the requests attached to incident #${incident.number}.`)).toBeVisible();
    await expect(page.getByRole("list", { name: "Escalation queue" }).getByRole("listitem")).toHaveCount(1);
    await page.getByRole("button", { name: "Show the whole queue" }).click();
    await expect(group).toBeVisible();
  });
});
