/**
 * One log line per event, as JSON on stdout/stderr (a process manager or journald keeps them):
 * `{"time":"…ISO…","level":"info|warn|error","message":"…", …fields}`.
 *
 * Secrets stay out: a field whose name says token, secret, password or authorization is written as
 * "[redacted]", and a password in an address (`postgres://user:password@…`) as "***". Invitation
 * tokens are never passed to the logger in the first place (the sync extension logs why a token was
 * refused, not the token); this is the second line of defence.
 */
export type LogLevel = "info" | "warn" | "error";
export type Logger = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

const SECRET_KEY = /token|secret|password|authorization|cookie/i;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@/\s]+@/gi;

/** A text with the passwords of the addresses in it replaced by "***". */
export const withoutUrlPasswords = (text: string) => text.replace(URL_PASSWORD, "$1***@");

function redactValue(key: string, value: unknown): unknown {
  if (SECRET_KEY.test(key)) return "[redacted]";
  if (typeof value === "string") return withoutUrlPasswords(value);
  return value;
}

/** The JSON line of one event (secrets redacted). */
export function logLine(level: LogLevel, message: string, fields: Record<string, unknown> = {}): string {
  const safe = Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, redactValue(key, value)]),
  );
  return JSON.stringify({
    time: new Date().toISOString(),
    level,
    message: redactValue("message", message),
    ...safe,
  });
}

/** A logger that hands each line to `write` (tests collect them; the server prints them). */
export const jsonLogger =
  (write: (line: string, level: LogLevel) => void): Logger =>
  (level, message, fields) =>
    write(logLine(level, message, fields), level);

export const consoleLogger: Logger = jsonLogger((line, level) => {
  if (level === "info") console.log(line);
  else console.error(line);
});
