/** Injection token of the loaded Seed. */
export const SEED = Symbol('SEED');
