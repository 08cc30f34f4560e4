export * from "./values";
export * from "./enums";
export * from "./accounts";
export * from "./places";
export * from "./requests";
export * from "./vendors";
