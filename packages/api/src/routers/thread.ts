import { createThread } from "../services/threads/create-thread";
import { deleteThread } from "../services/threads/delete-thread";
import { exportThread } from "../services/threads/export-thread";
import { getThread } from "../services/threads/get-thread";
import { listThreads } from "../services/threads/list-threads";
import { updateTopic } from "../services/threads/update-topic";
import { fullChatProcedure, router, userProcedure } from "../trpc";
import {
  CreateThreadInput,
  ListThreadsInput,
  ThreadIdInput,
  UpdateTopicInput,
} from "../inputs/thread";

export const threadRouter = router({
  create: fullChatProcedure
    .input(CreateThreadInput)
    .mutation(({ ctx, input }) => createThread(ctx.deps, ctx.user, input)),
  get: userProcedure
    .input(ThreadIdInput)
    .query(({ ctx, input }) => getThread(ctx.deps, ctx.user, input)),
  list: userProcedure
    .input(ListThreadsInput)
    .query(({ ctx, input }) => listThreads(ctx.deps, ctx.user, input)),
  updateTopic: fullChatProcedure
    .input(UpdateTopicInput)
    .mutation(({ ctx, input }) => updateTopic(ctx.deps, ctx.user, input)),
  delete: fullChatProcedure
    .input(ThreadIdInput)
    .mutation(({ ctx, input }) => deleteThread(ctx.deps, ctx.user, input)),
  export: userProcedure
    .input(ThreadIdInput)
    .query(({ ctx, input }) => exportThread(ctx.deps, ctx.user, input)),
});
