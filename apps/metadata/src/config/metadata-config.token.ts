/** Injection token of the validated MetadataConfig. */
export const METADATA_CONFIG = Symbol('METADATA_CONFIG');
