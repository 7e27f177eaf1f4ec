import { countUnreadNotifications, listNotificationsOfUser, markNotificationsRead } from '@tsumiki/db';
import { renderNotice } from '@tsumiki/domain/lifecycle';
import { z } from 'zod';
import { createTRPCRouter, signedInProcedure } from '../../trpc';

/** In-app notifications: the caller's own only, rendered by the same function as the e-mail. */
export const notificationsRouter = createTRPCRouter({
  list: signedInProcedure.input(z.object({ limit: z.number().int().min(1).max(100).default(30) }).default({ limit: 30 })).query(async ({ ctx, input }) => {
    const [rows, unread] = await Promise.all([listNotificationsOfUser(ctx.db, ctx.auth.user.id, input.limit), countUnreadNotifications(ctx.db, ctx.auth.user.id)]);
    return {
      unread,
      items: rows.map((r) => {
        const notice = renderNotice(r.topic, r.payload, ctx.locale);
        return { id: r.id, applicationId: r.application_id, topic: r.topic, subject: notice?.subject ?? r.topic, body: notice?.body ?? '', createdAt: r.created_at, readAt: r.read_at };
      }),
    };
  }),

  unreadCount: signedInProcedure.query(({ ctx }) => countUnreadNotifications(ctx.db, ctx.auth.user.id)),

  /** Marks the given ones read, or all of them; others' notifications are never touched. */
  markRead: signedInProcedure
    .input(z.object({ ids: z.array(z.uuid()).max(100).optional() }).default({}))
    .mutation(async ({ ctx, input }) => ({ updated: await markNotificationsRead(ctx.db, ctx.auth.user.id, ctx.now(), input.ids) })),
});
