import { describeTarget, openForCli } from "./open";

const handle = await openForCli();
console.log(`Migrations applied to ${describeTarget(handle)}.`);
await handle.close();
