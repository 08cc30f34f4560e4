/**
 * Every jurisdiction's reference file, in one list: federal FOIA ("US"), DC and the 50 states.
 * One file per jurisdiction in ./jurisdictions (its office calendar, law facts and hand-counted cases).
 */
import type { JurisdictionReference } from "./types";
import { reference as akReference } from "./jurisdictions/ak";
import { reference as alReference } from "./jurisdictions/al";
import { reference as arReference } from "./jurisdictions/ar";
import { reference as azReference } from "./jurisdictions/az";
import { reference as caReference } from "./jurisdictions/ca";
import { reference as coReference } from "./jurisdictions/co";
import { reference as ctReference } from "./jurisdictions/ct";
import { reference as dcReference } from "./jurisdictions/dc";
import { reference as deReference } from "./jurisdictions/de";
import { reference as flReference } from "./jurisdictions/fl";
import { reference as gaReference } from "./jurisdictions/ga";
import { reference as hiReference } from "./jurisdictions/hi";
import { reference as iaReference } from "./jurisdictions/ia";
import { reference as idReference } from "./jurisdictions/id";
import { reference as ilReference } from "./jurisdictions/il";
import { reference as inReference } from "./jurisdictions/in";
import { reference as ksReference } from "./jurisdictions/ks";
import { reference as kyReference } from "./jurisdictions/ky";
import { reference as laReference } from "./jurisdictions/la";
import { reference as maReference } from "./jurisdictions/ma";
import { reference as mdReference } from "./jurisdictions/md";
import { reference as meReference } from "./jurisdictions/me";
import { reference as miReference } from "./jurisdictions/mi";
import { reference as mnReference } from "./jurisdictions/mn";
import { reference as moReference } from "./jurisdictions/mo";
import { reference as msReference } from "./jurisdictions/ms";
import { reference as mtReference } from "./jurisdictions/mt";
import { reference as ncReference } from "./jurisdictions/nc";
import { reference as ndReference } from "./jurisdictions/nd";
import { reference as neReference } from "./jurisdictions/ne";
import { reference as nhReference } from "./jurisdictions/nh";
import { reference as njReference } from "./jurisdictions/nj";
import { reference as nmReference } from "./jurisdictions/nm";
import { reference as nvReference } from "./jurisdictions/nv";
import { reference as nyReference } from "./jurisdictions/ny";
import { reference as ohReference } from "./jurisdictions/oh";
import { reference as okReference } from "./jurisdictions/ok";
import { reference as orReference } from "./jurisdictions/or";
import { reference as paReference } from "./jurisdictions/pa";
import { reference as riReference } from "./jurisdictions/ri";
import { reference as scReference } from "./jurisdictions/sc";
import { reference as sdReference } from "./jurisdictions/sd";
import { reference as tnReference } from "./jurisdictions/tn";
import { reference as txReference } from "./jurisdictions/tx";
import { reference as usReference } from "./jurisdictions/us";
import { reference as utReference } from "./jurisdictions/ut";
import { reference as vaReference } from "./jurisdictions/va";
import { reference as vtReference } from "./jurisdictions/vt";
import { reference as waReference } from "./jurisdictions/wa";
import { reference as wiReference } from "./jurisdictions/wi";
import { reference as wvReference } from "./jurisdictions/wv";
import { reference as wyReference } from "./jurisdictions/wy";

export const JURISDICTION_REFERENCES: readonly JurisdictionReference[] = [
  akReference, alReference, arReference, azReference, caReference, coReference, ctReference, dcReference, deReference, flReference, gaReference, hiReference, iaReference, idReference, ilReference, inReference, ksReference, kyReference, laReference, maReference, mdReference, meReference, miReference, mnReference, moReference, msReference, mtReference, ncReference, ndReference, neReference, nhReference, njReference, nmReference, nvReference, nyReference, ohReference, okReference, orReference, paReference, riReference, scReference, sdReference, tnReference, txReference, usReference, utReference, vaReference, vtReference, waReference, wiReference, wvReference, wyReference,
];
