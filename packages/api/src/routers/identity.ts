import { createUser } from "../services/identity/create-user";
import { issueToken } from "../services/identity/issue-token";
import { revokeTokens } from "../services/identity/revoke-tokens";
import { router, serviceProcedure } from "../trpc";
import { CreateUserInput, IssueTokenInput, UserIdInput } from "../inputs/identity";

/** For other apps' backends, with the access key: their users and those users' tokens. */
export const identityRouter = router({
  createUser: serviceProcedure
    .input(CreateUserInput)
    .mutation(({ ctx, input }) => createUser(ctx.deps, input)),
  issueToken: serviceProcedure
    .input(IssueTokenInput)
    .mutation(({ ctx, input }) => issueToken(ctx.deps, input)),
  revokeTokens: serviceProcedure
    .input(UserIdInput)
    .mutation(({ ctx, input }) => revokeTokens(ctx.deps, input)),
});
