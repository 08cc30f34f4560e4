import { todayIn } from "../../app/utils/dates";
import { DEMO_EMAIL, DEMO_PASSWORD, demoUserExists, seedDemo } from "../seed/demo";
import { describeTarget, openForCli } from "./open";

const handle = await openForCli();
try {
  if (await demoUserExists(handle.db)) {
    console.log(`Demo data is already in ${describeTarget(handle)}. Sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}.`);
  } else {
    await handle.db.transaction((tx) => seedDemo(tx, todayIn("America/New_York")));
    console.log(`Demo data seeded into ${describeTarget(handle)}. Sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}.`);
  }
} finally {
  await handle.close();
}
