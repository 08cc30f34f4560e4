import type { SystemType } from "../../schema/values";

/**
 * Public-safety technology vendors and their products, from shared/reference/vendors-and-anchors.md.
 * Only products the reference names are listed; for makers it names without products (CentralSquare,
 * Hexagon, Versaterm, Niche, Vector Solutions) organizations add products as they find evidence.
 */
export interface CatalogVendor {
  name: string;
  website?: string;
  notes: string;
  products: Array<{ name: string; systemType: SystemType; notes?: string }>;
}

export const VENDOR_CATALOG: readonly CatalogVendor[] = [
  {
    name: "Tyler Technologies",
    website: "https://www.tylertech.com/",
    notes:
      "Bought New World Systems. Example of a shared system: the Dane County (WI) consortium of agencies shares one RMS.",
    products: [
      { name: "Enterprise CAD", systemType: "computer_aided_dispatch" },
      {
        name: "Enterprise Law Enforcement Records (New World RMS)",
        systemType: "records_management",
        notes: "Formerly New World Systems' records management system.",
      },
    ],
  },
  {
    name: "Motorola Solutions",
    website: "https://www.motorolasolutions.com/",
    notes: "PremierOne CAD/RMS/Mobile; Flex (from Spillman, acquired 2016); CommandCentral.",
    products: [
      { name: "PremierOne CAD", systemType: "computer_aided_dispatch" },
      { name: "PremierOne Records", systemType: "records_management" },
      { name: "PremierOne Mobile", systemType: "mobile" },
      { name: "Flex (Spillman)", systemType: "records_management", notes: "From Spillman Technologies, acquired 2016." },
      { name: "CommandCentral", systemType: "other" },
    ],
  },
  {
    name: "Axon",
    website: "https://www.axon.com/",
    notes: "Axon Records; Axon DataStore (read-only SQL copy of Records data); body cameras and Evidence.",
    products: [
      { name: "Axon Records", systemType: "records_management" },
      {
        name: "Axon DataStore",
        systemType: "records_management",
        notes: "A read-only SQL copy of Axon Records data: a natural source for a standard export.",
      },
      { name: "Axon body cameras", systemType: "body_cameras" },
      { name: "Axon Evidence", systemType: "body_cameras", notes: "Digital evidence management." },
    ],
  },
  {
    name: "Mark43",
    website: "https://mark43.com/",
    notes: "Cloud CAD/RMS, first built with Washington DC's police.",
    products: [
      { name: "Mark43 CAD", systemType: "computer_aided_dispatch" },
      { name: "Mark43 RMS", systemType: "records_management" },
    ],
  },
  { name: "CentralSquare", website: "https://www.centralsquare.com/", notes: "CAD/RMS maker.", products: [] },
  { name: "Hexagon", website: "https://hexagon.com/", notes: "CAD/RMS maker.", products: [] },
  { name: "Versaterm", website: "https://www.versaterm.com/", notes: "CAD/RMS maker.", products: [] },
  { name: "Niche", website: "https://nicherms.com/", notes: "CAD/RMS maker.", products: [] },
  {
    name: "Enforcer",
    notes: "CAD/RMS maker (WebRMS).",
    products: [{ name: "WebRMS", systemType: "records_management" }],
  },
  {
    name: "Benchmark Analytics",
    website: "https://www.benchmarkanalytics.com/",
    notes: "Early intervention systems.",
    products: [{ name: "First Sign", systemType: "early_intervention" }],
  },
  { name: "Vector Solutions", website: "https://www.vectorsolutions.com/", notes: "Early intervention systems.", products: [] },
  {
    name: "SoundThinking",
    website: "https://www.soundthinking.com/",
    notes: "Formerly ShotSpotter, Inc.",
    products: [{ name: "ShotSpotter", systemType: "gunshot_detection" }],
  },
  {
    name: "CivicPlus",
    website: "https://www.civicplus.com/",
    notes: "Records-request portal used by agencies.",
    products: [{ name: "NextRequest", systemType: "records_request_portal" }],
  },
  {
    name: "GovQA",
    notes: "Records-request portal used by agencies.",
    products: [{ name: "GovQA", systemType: "records_request_portal" }],
  },
  {
    name: "JustFOIA",
    notes: "Records-request portal used by agencies.",
    products: [{ name: "JustFOIA", systemType: "records_request_portal" }],
  },
  {
    name: "FOIAXpress",
    notes: "Records-request portal used by agencies.",
    products: [{ name: "FOIAXpress", systemType: "records_request_portal" }],
  },
  {
    name: "FOIAonline",
    notes: "Records-request portal used by agencies.",
    products: [{ name: "FOIAonline", systemType: "records_request_portal" }],
  },
];
