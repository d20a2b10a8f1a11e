export * from "./accounts";
export * from "./audit";
export * from "./festivals";
export * from "./registrations";
export * from "./photos";
export * from "./stars";
export * from "./wishes";
export * from "./competitions";
