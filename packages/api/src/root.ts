import { accountRouter } from "./routers/account";
import { identityRouter } from "./routers/identity";
import { memberRouter } from "./routers/member";
import { messageRouter } from "./routers/message";
import { reactionRouter } from "./routers/reaction";
import { receiptRouter } from "./routers/receipt";
import { threadRouter } from "./routers/thread";
import { translationRouter } from "./routers/translation";
import { typingRouter } from "./routers/typing";
import { userRouter } from "./routers/user";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  thread: threadRouter,
  member: memberRouter,
  message: messageRouter,
  receipt: receiptRouter,
  typing: typingRouter,
  reaction: reactionRouter,
  translation: translationRouter,
  identity: identityRouter,
  account: accountRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
