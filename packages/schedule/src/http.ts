import { commonErrorResponses, errorBodySchema } from '@livecloud/core';

/** The error answers of a route that can also conflict with the current state (409). */
export const errorsWithConflict = { ...commonErrorResponses, 409: errorBodySchema } as const;
