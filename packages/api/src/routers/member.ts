import { addMembers } from "../services/members/add-members";
import { listMembers } from "../services/members/list-members";
import { removeMember } from "../services/members/remove-member";
import { router, userProcedure } from "../trpc";
import { AddMembersInput, RemoveMemberInput } from "../inputs/member";
import { ThreadIdInput } from "../inputs/thread";

export const memberRouter = router({
  list: userProcedure
    .input(ThreadIdInput)
    .query(({ ctx, input }) => listMembers(ctx.deps, ctx.user, input)),
  add: userProcedure
    .input(AddMembersInput)
    .mutation(({ ctx, input }) => addMembers(ctx.deps, ctx.user, input)),
  remove: userProcedure
    .input(RemoveMemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx.deps, ctx.user, input)),
  leave: userProcedure
    .input(ThreadIdInput)
    .mutation(({ ctx, input }) =>
      removeMember(ctx.deps, ctx.user, { ...input, userId: ctx.user.userId }),
    ),
});
