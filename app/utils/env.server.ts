import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : ["1", "true", "yes", "on"].includes(v)));

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
  // Tests only: an in-memory embedded database instead of one under DATA_DIR.
  PGLITE_MEMORY: flag,
  // Seed the demo organization on an empty embedded database at start (default on).
  SEED_DEMO: flag,
  // Received files: where they are stored (default DATA_DIR/files) and the largest accepted upload.
  FILES_DIR: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  UPLOAD_MAX_BYTES: z.coerce
    .number({ error: "UPLOAD_MAX_BYTES must be a number of bytes" })
    .int("UPLOAD_MAX_BYTES must be a whole number of bytes")
    .positive("UPLOAD_MAX_BYTES must be positive")
    .default(2 * 1024 ** 3),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

export const env = parseEnv();
export const cookieSecure = env.COOKIE_SECURE ?? env.NODE_ENV === "production";
