/** The engine's version; part of every cache key, bump it whenever a verdict could change. */
export const ENGINE_VERSION = '0.1.0';
