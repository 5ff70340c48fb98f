import { addMembers } from "../services/members/add-members";
import { listMembers } from "../services/members/list-members";
import { removeMember } from "../services/members/remove-member";
import {
  getMemberPreferences,
  updateMemberPreferences,
} from "../services/members/translation-preferences";
import { router, userProcedure } from "../trpc";
import { AddMembersInput, RemoveMemberInput, UpdateMemberPreferencesInput } from "../inputs/member";
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
  preferences: userProcedure
    .input(ThreadIdInput)
    .query(({ ctx, input }) => getMemberPreferences(ctx.deps, ctx.user, input)),
  updatePreferences: userProcedure
    .input(UpdateMemberPreferencesInput)
    .mutation(({ ctx, input }) => updateMemberPreferences(ctx.deps, ctx.user, input)),
});
