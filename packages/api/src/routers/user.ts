import { getMe } from "../services/users/get-me";
import { searchUsers } from "../services/users/search-users";
import { router, userProcedure } from "../trpc";
import { NoInput, SearchUsersInput } from "../inputs/user";

export const userRouter = router({
  me: userProcedure.input(NoInput).query(({ ctx }) => getMe(ctx.deps, ctx.user)),
  search: userProcedure
    .input(SearchUsersInput)
    .query(({ ctx, input }) => searchUsers(ctx.deps, ctx.user, input)),
});
