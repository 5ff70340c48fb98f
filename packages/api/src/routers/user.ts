import { getMe } from "../services/users/get-me";
import { searchUsers } from "../services/users/search-users";
import { router, userProcedure } from "../trpc";
import { SearchUsersInput } from "./inputs";

export const userRouter = router({
  me: userProcedure.query(({ ctx }) => getMe(ctx.deps, ctx.user)),
  search: userProcedure
    .input(SearchUsersInput)
    .query(({ ctx, input }) => searchUsers(ctx.deps, ctx.user, input)),
});
