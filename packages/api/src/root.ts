import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { applicationsRouter } from './routers/applications/applications.router';
import { attachmentsRouter } from './routers/attachments/attachments.router';
import { authRouter } from './routers/auth/auth.router';
import { carbonRouter } from './routers/carbon/carbon.router';
import { ccusRouter } from './routers/ccus/ccus.router';
import { lifecycleRouter } from './routers/lifecycle/lifecycle.router';
import { notificationsRouter } from './routers/notifications/notifications.router';
import { organisationsRouter } from './routers/organisations/organisations.router';
import { programmeDefinitionsRouter } from './routers/programme-definitions/programme-definitions.router';
import { programmesRouter } from './routers/programmes/programmes.router';
import { reviewRouter } from './routers/review/review.router';
import { roundsRouter } from './routers/rounds/rounds.router';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  auth: authRouter,
  programmes: programmesRouter,
  rounds: roundsRouter,
  programmeDefinitions: programmeDefinitionsRouter,
  applications: applicationsRouter,
  attachments: attachmentsRouter,
  organisations: organisationsRouter,
  ccus: ccusRouter,
  carbon: carbonRouter,
  review: reviewRouter,
  lifecycle: lifecycleRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
