import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { EmailTakenError, createOrganization, createUser } from "../../app/domain/accounts.server";
import { MIN_PASSWORD_LENGTH } from "../../app/domain/passwords.server";
import { organizations } from "../schema";
import { USER_ROLES } from "../schema/values";
import { describeTarget, openForCli } from "./open";

const usage = `Usage: npm run user:create -- --org "Organization name" --email person@example.org --password 'secret' [--name "Full Name"] [--role admin|coordinator|advocate|viewer]

Creates the organization if no organization has that name, then the user in it.`;

const argsSchema = z.object({
  org: z.string({ error: "--org is required" }).trim().min(1, "--org is required").max(200),
  email: z.string({ error: "--email is required" }).trim().email("--email must be an email address"),
  password: z
    .string({ error: "--password is required" })
    .min(MIN_PASSWORD_LENGTH, `--password must be at least ${MIN_PASSWORD_LENGTH} characters`),
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(USER_ROLES, { error: `--role must be one of ${USER_ROLES.join(", ")}` }).optional(),
});

let parsed: z.infer<typeof argsSchema>;
try {
  const { values } = parseArgs({
    options: {
      org: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const result = argsSchema.safeParse(values);
  if (!result.success) {
    console.error(result.error.issues.map((i) => i.message).join("\n") + `\n\n${usage}`);
    process.exit(2);
  }
  parsed = result.data;
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}

const handle = await openForCli();
try {
  const user = await handle.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(organizations).where(eq(organizations.name, parsed.org)).limit(1);
    const org = existing ?? (await createOrganization(tx, { name: parsed.org }));
    const created = await createUser(tx, {
      organizationId: org.id,
      email: parsed.email,
      name: parsed.name ?? parsed.email.split("@")[0]!,
      password: parsed.password,
      // The first person in a new organization runs it.
      role: parsed.role ?? (existing ? "coordinator" : "admin"),
    });
    return { ...created, orgName: org.name, newOrg: !existing };
  });
  console.log(
    `Created ${user.email} (${user.role}) in ${user.newOrg ? "new organization" : "organization"} "${user.orgName}" (${describeTarget(handle)}).`,
  );
} catch (error) {
  if (error instanceof EmailTakenError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
} finally {
  await handle.close();
}
