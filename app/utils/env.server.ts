import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : ["1", "true", "yes", "on"].includes(v)));

const optionalUrl = (pattern: RegExp, message: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || pattern.test(v), { message });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "DATABASE_URL must be a postgres:// or postgresql:// URL",
    }),
  DATA_DIR: z.string().min(1).default("./data"),
  SESSION_SECRET: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.length >= 32, { message: "SESSION_SECRET must be at least 32 characters" }),
  // Session cookie's Secure flag; on by default in production. Browsers accept Secure cookies on http://localhost.
  COOKIE_SECURE: flag,
  // Express "trust proxy": which proxies' X-Forwarded-For/-Proto to believe for the client address (login
  // throttling, audit log) and HTTPS (HSTS). A hop count, true/false, or addresses/subnets ("loopback, 10.0.0.0/8").
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v): boolean | number | string => {
      const value = (v ?? "").trim();
      if (value === "") return "loopback";
      if (value === "true" || value === "false") return value === "true";
      return /^\d+$/.test(value) ? Number(value) : value;
    }),
  // Tests only: an in-memory embedded database instead of one under DATA_DIR.
  PGLITE_MEMORY: flag,
  // Seed the demo organization on an empty embedded database at start (default on).
  SEED_DEMO: flag,
  // Mail. Without SMTP_URL, messages are delivered to the development mailbox at /outbox.
  SMTP_URL: optionalUrl(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL"),
  MAIL_FROM: z.string().trim().min(3).default("JointAsk <jointask@localhost>"),
  // Domain of the per-request reply addresses (requests+<id>-<signature>@MAIL_DOMAIN); default: MAIL_FROM's.
  MAIL_DOMAIN: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, "MAIL_DOMAIN must be a domain name")
    .optional(),
  // Signs reply addresses; default: derived from the session secret.
  MAIL_SECRET: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || v.length >= 32, { message: "MAIL_SECRET must be at least 32 characters" }),
  // The app's public address, for links in emails; default http://localhost:PORT.
  APP_URL: optionalUrl(/^https?:\/\//, "APP_URL must be an http:// or https:// URL"),
  // Port of the inbound SMTP listener for agency replies; off when unset.
  INBOUND_SMTP_PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
  INBOUND_SMTP_HOST: z.string().min(1).default("0.0.0.0"),
  // Largest inbound message (SMTP or .eml upload), in bytes.
  MAIL_MAX_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
  // Run the outbox worker and reminders in this process (default on).
  MAIL_WORKER: flag,
  // Run the webhook delivery worker in this process (default on).
  WEBHOOK_WORKER: flag,
  // Let webhook endpoints be http://localhost or private-network addresses (on in tests; off otherwise).
  WEBHOOKS_ALLOW_PRIVATE: flag,
  // Received files: where they are stored (default DATA_DIR/files) and the largest accepted upload.
  FILES_DIR: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  // Received files and stored mail in S3-compatible object storage instead of FILES_DIR: s3://bucket/prefix.
  // Credentials and region come from the standard AWS variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
  // AWS_REGION, or a profile/role); FILES_S3_ENDPOINT points at an S3-compatible server (MinIO, R2, ...).
  FILES_URL: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const parsed = parseFilesUrl(v);
      if (typeof parsed === "string") {
        ctx.addIssue({ code: "custom", message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
  FILES_S3_ENDPOINT: optionalUrl(/^https?:\/\/[^/\s]+/, "FILES_S3_ENDPOINT must be an http:// or https:// URL, e.g. http://minio:9000"),
  // The bucket's region; default AWS_REGION, else us-east-1 (what most S3-compatible servers expect).
  FILES_S3_REGION: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .refine((v) => v === undefined || /^[a-z0-9-]+$/.test(v), { message: "FILES_S3_REGION must be a region name such as eu-west-1" }),
  // Path-style addresses (endpoint/bucket/key); default on with FILES_S3_ENDPOINT, off for AWS itself.
  FILES_S3_FORCE_PATH_STYLE: flag,
  // With FILES_URL: local copies of stored files kept for previews and checks (FILES_DIR/cache), in bytes; 0 for none.
  FILES_CACHE_BYTES: z.coerce
    .number({ error: "FILES_CACHE_BYTES must be a number of bytes" })
    .int("FILES_CACHE_BYTES must be a whole number of bytes")
    .min(0, "FILES_CACHE_BYTES can't be negative")
    .default(1024 ** 3),
  UPLOAD_MAX_BYTES: z.coerce
    .number({ error: "UPLOAD_MAX_BYTES must be a number of bytes" })
    .int("UPLOAD_MAX_BYTES must be a whole number of bytes")
    .positive("UPLOAD_MAX_BYTES must be positive")
    .default(2 * 1024 ** 3),
  // Requests worked on at once (loaders, actions, renders); more wait in line, up to WAIT_QUEUE_LIMIT, and
  // beyond that are answered 503 with Retry-After. Uploads and /healthz don't wait in this line.
  MAX_CONCURRENT_REQUESTS: z.coerce.number({ error: "MAX_CONCURRENT_REQUESTS must be a number" }).int().min(1).max(1000).default(8),
  WAIT_QUEUE_LIMIT: z.coerce.number({ error: "WAIT_QUEUE_LIMIT must be a number" }).int().min(0).max(100_000).default(2000),
  // Dataset profiles of received tabular files: run the background worker in this process (default on), and
  // the memory cap of its embedded analytical engine (DuckDB's memory_limit, e.g. "96MB").
  PROFILE_WORKER: flag,
  PROFILE_MEMORY_LIMIT: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i, "PROFILE_MEMORY_LIMIT must be a size such as 128MB")
    .default("96MB"),
});

export interface FilesBucket {
  bucket: string;
  /** Key prefix without leading or trailing slash; "" for the bucket's root. */
  prefix: string;
}

/** Reads s3://bucket/prefix; a message naming what is wrong otherwise. */
export function parseFilesUrl(value: string): FilesBucket | string {
  const example = "FILES_URL must look like s3://bucket-name/optional/prefix";
  const match = /^s3:\/\/([^/?#]*)(\/[^?#]*)?$/i.exec(value);
  if (!match) return /^[a-z][a-z0-9+.-]*:/i.test(value) ? `${example} (only s3:// is supported)` : example;
  const bucket = match[1]!;
  // S3's bucket naming rules: 3-63 characters, lower-case letters, digits, dots and hyphens.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    return `${example}: "${bucket}" is not a valid bucket name (3-63 lower-case letters, digits, dots or hyphens)`;
  }
  const prefix = (match[2] ?? "").replace(/^\/+|\/+$/g, "");
  if (prefix.split("/").some((part) => part === "." || part === "..") || /\/\//.test(prefix)) {
    return `${example}: the prefix "${prefix}" has an empty, "." or ".." part`;
  }
  return { bucket, prefix };
}

export type Env = z.infer<typeof envSchema>;

// Object storage settings without FILES_URL would be silently ignored, and files kept on local disk.
const checkedEnvSchema = envSchema.superRefine((value, ctx) => {
  if (value.FILES_URL) return;
  for (const key of ["FILES_S3_ENDPOINT", "FILES_S3_REGION"] as const) {
    if (value[key]) ctx.addIssue({ code: "custom", path: [key], message: `${key} is set but FILES_URL is not: set FILES_URL=s3://bucket/prefix to use object storage` });
  }
});

function parseEnv(): Env {
  const parsed = checkedEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

export const env = parseEnv();
export const cookieSecure = env.COOKIE_SECURE ?? env.NODE_ENV === "production";
