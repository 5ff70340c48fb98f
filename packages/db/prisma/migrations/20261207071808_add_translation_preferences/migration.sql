-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "autoTranslate" BOOLEAN;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "language" VARCHAR(35);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "autoTranslate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "language" VARCHAR(35);
