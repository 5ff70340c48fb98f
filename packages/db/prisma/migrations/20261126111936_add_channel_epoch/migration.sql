-- AlterTable
ALTER TABLE "Thread" ADD COLUMN     "channelEpoch" INTEGER NOT NULL DEFAULT 0;
