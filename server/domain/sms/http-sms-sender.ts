import type { HttpSmsConfig, OutgoingSms, SmsSender } from "./sms-sender";

/** A provider's refusal or silence. The message says what happened, never what was sent. */
export class SmsProviderError extends Error {
  constructor(
    message: string,
    readonly isRetryable: boolean,
  ) {
    super(message);
    this.name = "SmsProviderError";
  }
}

function isJsonTemplate(template: string): boolean {
  return /^\s*[[{]/.test(template);
}

/** Fills the template: JSON-escaped values in a JSON body, URL-encoded ones in a form body. */
export function renderSmsBody(config: Pick<HttpSmsConfig, "bodyTemplate" | "sender">, message: OutgoingSms) {
  const isJson = isJsonTemplate(config.bodyTemplate);
  const escape = (value: string) => (isJson ? JSON.stringify(value).slice(1, -1) : encodeURIComponent(value));
  const values: Record<string, string> = { to: message.to, text: message.text, sender: config.sender };
  const body = config.bodyTemplate.replace(/\{\{(to|text|sender)\}\}/g, (_match, name: string) =>
    escape(values[name]!),
  );
  return { body, contentType: isJson ? "application/json" : "application/x-www-form-urlencoded" };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function postOnce(config: HttpSmsConfig, body: string, contentType: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(config.url, {
      method: "POST",
      headers: {
        "content-type": contentType,
        ...(config.authHeader ? { [config.authHeader.name]: config.authHeader.value } : {}),
      },
      body,
      redirect: "error",
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    const isTimeout = (error as { name?: string }).name === "TimeoutError";
    throw new SmsProviderError(
      isTimeout ? `no answer within ${config.timeoutMs} ms` : `could not reach the provider`,
      true,
    );
  }
  // The answer is read and dropped: a provider may echo the text, which must not reach a log.
  await response.arrayBuffer().catch(() => undefined);
  if (response.ok) return;
  const isRetryable = response.status === 429 || response.status >= 500;
  throw new SmsProviderError(`the provider answered ${response.status}`, isRetryable);
}

/**
 * Posts each message to the provider, with a timeout per try and up to `retries` further tries
 * (after 0.5 s, 1 s, 2 s...) on a timeout, a network error, 429 or 5xx. Other refusals (a 4xx:
 * bad number, bad credentials) are final.
 */
export function createHttpSmsSender(config: HttpSmsConfig, options: { backoffMs?: number } = {}): SmsSender {
  const backoffMs = options.backoffMs ?? 500;
  return {
    via: "HTTP",
    async send(message) {
      const { body, contentType } = renderSmsBody(config, message);
      for (let attempt = 0; ; attempt++) {
        try {
          return await postOnce(config, body, contentType);
        } catch (error) {
          const isFinal = !(error instanceof SmsProviderError && error.isRetryable) || attempt >= config.retries;
          if (isFinal) {
            if (error instanceof SmsProviderError) error.message += ` (after ${attempt + 1} tries)`;
            throw error;
          }
          await sleep(backoffMs * 2 ** attempt);
        }
      }
    },
  };
}
