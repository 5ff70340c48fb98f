import { notifyTyping } from "../services/typing/notify-typing";
import { router, userProcedure } from "../trpc";
import { ThreadIdInput } from "../inputs/thread";

export const typingRouter = router({
  notify: userProcedure
    .input(ThreadIdInput)
    .mutation(({ ctx, input }) => notifyTyping(ctx.deps, ctx.user, input)),
});
