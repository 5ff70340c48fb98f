-- CreateIndex
CREATE INDEX "Message_high_priority_idx" ON "Message"("threadId", "sequence") WHERE (priority = 'high');
