/**
 * The public demo TOTP secret (base32 of 10 bytes; SHA-1, 6 digits, 30 s): the seeded demo staff
 * accounts are enrolled with it and the README prints it, so anyone can sign in to the demo with an
 * authenticator app. Never used for a real enrolment. A file of its own so pages can name it
 * without bundling the TOTP code.
 */
export const DEMO_TOTP_SECRET = "SELFCAREDEMOTOTP";
