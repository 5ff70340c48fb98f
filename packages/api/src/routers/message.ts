import { deleteMessage } from "../services/messages/delete-message";
import { editMessage } from "../services/messages/edit-message";
import { getMessage } from "../services/messages/get-message";
import { listMessages } from "../services/messages/list-messages";
import { sendMessage } from "../services/messages/send-message";
import { router, selfCheckingUserProcedure, userProcedure } from "../trpc";
import {
  EditMessageInput,
  ListMessagesInput,
  MessageIdInput,
  SendMessageInput,
} from "../inputs/message";

export const messageRouter = router({
  send: selfCheckingUserProcedure
    .input(SendMessageInput)
    .mutation(({ ctx, input }) => sendMessage(ctx.deps, ctx.user, input)),
  get: userProcedure
    .input(MessageIdInput)
    .query(({ ctx, input }) => getMessage(ctx.deps, ctx.user, input)),
  list: userProcedure
    .input(ListMessagesInput)
    .query(({ ctx, input }) => listMessages(ctx.deps, ctx.user, input)),
  edit: userProcedure
    .input(EditMessageInput)
    .mutation(({ ctx, input }) => editMessage(ctx.deps, ctx.user, input)),
  delete: userProcedure
    .input(MessageIdInput)
    .mutation(({ ctx, input }) => deleteMessage(ctx.deps, ctx.user, input)),
});
