/**
 * Every jurisdiction's reference file, in one list: federal FOIA ("US"), DC and the 50 states.
 * One file per jurisdiction in ./jurisdictions (its office calendar, law facts and hand-counted cases).
 */
import type { JurisdictionReference } from "./types";
import { reference as ca } from "./jurisdictions/ca";
import { reference as dc } from "./jurisdictions/dc";
import { reference as ga } from "./jurisdictions/ga";
import { reference as il } from "./jurisdictions/il";
import { reference as ma } from "./jurisdictions/ma";
import { reference as md } from "./jurisdictions/md";
import { reference as me } from "./jurisdictions/me";
import { reference as mi } from "./jurisdictions/mi";
import { reference as ms } from "./jurisdictions/ms";
import { reference as nh } from "./jurisdictions/nh";
import { reference as nj } from "./jurisdictions/nj";
import { reference as ny } from "./jurisdictions/ny";
import { reference as pa } from "./jurisdictions/pa";
import { reference as sc } from "./jurisdictions/sc";
import { reference as sd } from "./jurisdictions/sd";
import { reference as tn } from "./jurisdictions/tn";
import { reference as tx } from "./jurisdictions/tx";
import { reference as us } from "./jurisdictions/us";
import { reference as wy } from "./jurisdictions/wy";

export const JURISDICTION_REFERENCES: readonly JurisdictionReference[] = [
  ca, dc, ga, il, ma, md, me, mi, ms, nh, nj, ny, pa, sc, sd, tn, tx, us, wy,
];
