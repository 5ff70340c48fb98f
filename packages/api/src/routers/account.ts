import { signUp } from "../services/accounts/sign-up";
import { publicProcedure, router } from "../trpc";
import { SignUpInput } from "../inputs/account";

/** Username + password accounts for the browser; signing in itself is next-auth's. */
export const accountRouter = router({
  signUp: publicProcedure
    .input(SignUpInput)
    .mutation(({ ctx, input }) => signUp(ctx.deps, input, ctx.clientAddress?.() ?? null)),
});
