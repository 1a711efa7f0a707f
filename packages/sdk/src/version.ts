/** The SDK's version, sent as `context.library.version`; kept equal to package.json by a test. */
export const version = '0.1.0';
