import { changeReaction } from "../services/reactions/change-reaction";
import { listReactions } from "../services/reactions/list-reactions";
import { router, userProcedure } from "../trpc";
import { MessageIdInput } from "../inputs/message";
import { ReactionInput } from "../inputs/reaction";

export const reactionRouter = router({
  add: userProcedure
    .input(ReactionInput)
    .mutation(({ ctx, input }) => changeReaction(ctx.deps, ctx.user, { ...input, add: true })),
  remove: userProcedure
    .input(ReactionInput)
    .mutation(({ ctx, input }) => changeReaction(ctx.deps, ctx.user, { ...input, add: false })),
  list: userProcedure
    .input(MessageIdInput)
    .query(({ ctx, input }) => listReactions(ctx.deps, ctx.user, input)),
});
