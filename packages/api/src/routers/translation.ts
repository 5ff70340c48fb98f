import { listLanguages } from "../services/translation/list-languages";
import { translateMessage } from "../services/translation/translate-message";
import { router, userProcedure } from "../trpc";
import { TranslateMessageInput } from "../inputs/translation";
import { NoInput } from "../inputs/user";

export const translationRouter = router({
  translate: userProcedure
    .input(TranslateMessageInput)
    .mutation(({ ctx, input }) => translateMessage(ctx.deps, ctx.user, input)),
  languages: userProcedure.input(NoInput).query(({ ctx }) => listLanguages(ctx.deps)),
});
