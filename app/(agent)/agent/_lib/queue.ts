/** The next page of the queue (shared by the server prefetch and the client, so their query keys match). */
export function nextQueuePage(page: { nextCursor: string | null }): string | undefined {
  return page.nextCursor ?? undefined;
}
