import { getMe } from "../services/users/get-me";
import { searchUsers } from "../services/users/search-users";
import { updatePreferences } from "../services/users/update-preferences";
import { router, userProcedure } from "../trpc";
import { NoInput, SearchUsersInput, UpdatePreferencesInput } from "../inputs/user";

export const userRouter = router({
  me: userProcedure.input(NoInput).query(({ ctx }) => getMe(ctx.deps, ctx.user)),
  search: userProcedure
    .input(SearchUsersInput)
    .query(({ ctx, input }) => searchUsers(ctx.deps, ctx.user, input)),
  updatePreferences: userProcedure
    .input(UpdatePreferencesInput)
    .mutation(({ ctx, input }) => updatePreferences(ctx.deps, ctx.user, input)),
});
