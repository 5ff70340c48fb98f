import { listReceipts } from "../services/receipts/list-receipts";
import { markRead } from "../services/receipts/mark-read";
import { router, userProcedure } from "../trpc";
import { MarkReadInput } from "../inputs/receipt";
import { ThreadIdInput } from "../inputs/thread";

export const receiptRouter = router({
  markRead: userProcedure
    .input(MarkReadInput)
    .mutation(({ ctx, input }) => markRead(ctx.deps, ctx.user, input)),
  list: userProcedure
    .input(ThreadIdInput)
    .query(({ ctx, input }) => listReceipts(ctx.deps, ctx.user, input)),
});
