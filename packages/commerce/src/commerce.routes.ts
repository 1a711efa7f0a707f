import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { approvalRoutes } from './approval.routes.js';
import { categoryRoutes } from './category.routes.js';
import type { Commerce } from './commerce.js';
import { merchantInviteRoutes } from './merchant-invite.routes.js';
import { merchantRoutes } from './merchant.routes.js';
import { portalSubmissionRoutes } from './portal-submission.routes.js';
import { portalRoutes } from './portal.routes.js';
import { productRoutes } from './product.routes.js';
import { qcRoutes } from './qc.routes.js';
import { submissionRoutes } from './submission.routes.js';
import { uploadRoutes } from './upload.routes.js';
import { warehouseRoutes } from './warehouse.routes.js';

/** Every commerce route, to register under /api/v1. */
export function commerceRoutes(commerce: Commerce): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(categoryRoutes(commerce));
    await app.register(merchantRoutes(commerce));
    await app.register(merchantInviteRoutes(commerce));
    await app.register(uploadRoutes(commerce));
    await app.register(productRoutes(commerce));
    await app.register(submissionRoutes(commerce));
    await app.register(qcRoutes(commerce));
    await app.register(warehouseRoutes(commerce));
    await app.register(portalRoutes(commerce));
    await app.register(portalSubmissionRoutes(commerce));
    await app.register(approvalRoutes(commerce));
  };
}
