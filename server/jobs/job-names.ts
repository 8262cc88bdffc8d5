/** Every job the queue knows, with its payload. Handlers are in tasks.ts. */
export type JobPayloads = {
  "auth:cleanup": Record<string, never>;
};

export type JobName = keyof JobPayloads;
