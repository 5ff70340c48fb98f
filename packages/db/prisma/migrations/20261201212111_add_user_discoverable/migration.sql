-- AlterTable
ALTER TABLE "User" ADD COLUMN     "discoverable" BOOLEAN NOT NULL DEFAULT false;
