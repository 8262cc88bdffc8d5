import { createECDH, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { FIRST, trpcQuery } from "./helpers";
import { openSignedIn, waitForServiceWorker } from "./pwa-helpers";

type Registration = { registrationId: string; scopeURL: string; isDeleted: boolean };

test.describe("web push", () => {
  test("a push delivered to the service worker shows a notification, and a click opens its page", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["notifications"], { origin: FIRST });
    await openSignedIn(page, "+79001000003");
    await waitForServiceWorker(page);

    const cdp = await context.newCDPSession(page);
    const registrations: Registration[] = [];
    cdp.on("ServiceWorker.workerRegistrationUpdated", (event) =>
      registrations.push(...(event.registrations as Registration[])),
    );
    await cdp.send("ServiceWorker.enable");
    await expect.poll(() => registrations.some((r) => r.scopeURL === `${FIRST}/` && !r.isDeleted)).toBe(true);
    const { registrationId } = registrations.find((r) => r.scopeURL === `${FIRST}/` && !r.isDeleted)!;

    const message = {
      id: "n-e2e-1",
      kind: "REQUEST_STATUS",
      title: "Заявка SR-1042 решена",
      body: "Проверьте ответ специалиста",
      url: "/profile",
    };
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: FIRST,
      registrationId,
      data: JSON.stringify(message),
    });

    const shown = () =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          url: (n.data as { url: string }).url,
        })),
      );
    await expect.poll(shown).toEqual([{ title: message.title, body: message.body, url: "/profile" }]);

    // A link to another site in a push never leaves the portal.
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: FIRST,
      registrationId,
      data: JSON.stringify({ id: "n-e2e-2", title: "Фишинг", body: "…", url: "https://evil.example/" }),
    });
    await expect.poll(async () => (await shown()).find((n) => n.title === "Фишинг")?.url).toBe("/");

    const worker = context.serviceWorkers().find((candidate) => candidate.url() === `${FIRST}/sw.js`)!;
    await worker.evaluate(async (id) => {
      const scope = self as unknown as ServiceWorkerGlobalScope;
      const [notification] = await scope.registration.getNotifications({ tag: id });
      scope.dispatchEvent(new NotificationEvent("notificationclick", { notification: notification! }));
    }, message.id);
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole("heading", { name: "Профиль", level: 1 })).toBeVisible();
    await expect.poll(async () => (await shown()).map((n) => n.title)).toEqual(["Фишинг"]);
  });

  test("the profile turns push on and off for this device, and sign-out stops it", async ({ page, context }) => {
    await context.grantPermissions(["notifications"], { origin: FIRST });
    // This Chromium has no connection to a push service, so the browser's subscription is
    // stood in for with one in the shape the Push API gives; everything after it is real.
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    const fake = {
      endpoint: `https://fcm.googleapis.com/fcm/send/e2e-${randomBytes(8).toString("hex")}`,
      p256dh: ecdh.getPublicKey().toString("base64url"),
      auth: randomBytes(16).toString("base64url"),
    };
    await page.addInitScript((stub) => {
      const key = "e2e-push-subscription";
      const make = () => ({
        endpoint: stub.endpoint,
        options: { userVisibleOnly: true },
        toJSON: () => ({
          endpoint: stub.endpoint,
          expirationTime: null,
          keys: { p256dh: stub.p256dh, auth: stub.auth },
        }),
        unsubscribe: async () => {
          localStorage.removeItem(key);
          return true;
        },
      });
      PushManager.prototype.subscribe = async function () {
        localStorage.setItem(key, "1");
        return make() as unknown as PushSubscription;
      };
      PushManager.prototype.getSubscription = async function () {
        return (localStorage.getItem(key) ? make() : null) as unknown as PushSubscription | null;
      };
    }, fake);

    await openSignedIn(page, "+79001000001");
    await waitForServiceWorker(page);
    await page.goto("/profile");
    const card = page.getByRole("region", { name: "Уведомления" });
    await expect(card.getByTestId("push-state")).toHaveText("Уведомления на этом устройстве выключены.");
    await card.getByRole("button", { name: "Включить уведомления" }).click();
    await expect(card.getByTestId("push-state")).toHaveText("Уведомления на этом устройстве включены.");
    await expect(card.getByText("1 устройство получает уведомления")).toBeVisible();
    const devices = async () =>
      (await trpcQuery(page.request, FIRST, "push.devices")).body.result.data.json.items.map(
        (d: { endpoint: string }) => d.endpoint,
      );
    expect(await devices()).toEqual([fake.endpoint]);

    await card.getByRole("button", { name: "Выключить уведомления" }).click();
    await expect(card.getByTestId("push-state")).toHaveText("Уведомления на этом устройстве выключены.");
    expect(await devices()).toEqual([]);

    await card.getByRole("button", { name: "Включить уведомления" }).click();
    await expect(card.getByTestId("push-state")).toHaveText("Уведомления на этом устройстве включены.");
    await page.getByRole("region", { name: "Сеанс" }).getByRole("button", { name: "Выйти" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await openSignedIn(page, "+79001000001");
    // Signed out: this device no longer gets the account's notifications.
    expect(await devices()).toEqual([]);
  });

  test("the profile is in English too, and names the account", async ({ page }) => {
    await openSignedIn(page, "+79001000002");
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: FIRST }]);
    const me = (await trpcQuery(page.request, FIRST, "me.get")).body.result.data.json;
    await page.goto("/profile");
    await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
    const account = page.getByRole("region", { name: "Account" });
    await expect(account).toContainText(me.name);
    await expect(account).toContainText(me.accountNumber);
    await expect(page.getByRole("region", { name: "Notifications" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Session" }).getByRole("button", { name: "Sign out" })).toBeVisible();
  });
});
