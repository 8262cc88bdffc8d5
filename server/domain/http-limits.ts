/**
 * Bounds on what one HTTP request may carry, shared by the web server (server/http) and the
 * browser's tRPC link (app/_trpc/react.tsx), which must never send more than the server accepts.
 */

/** No request body is bigger than a few kilobytes (a form, a tRPC call); anything over this is refused with 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The most calls one tRPC batch may carry. A page asks for at most a dozen things at once; without
 * a cap one GET could carry hundreds of `bill.pdf` renders. The browser's link splits bigger batches.
 */
export const MAX_BATCH_SIZE = 20;
