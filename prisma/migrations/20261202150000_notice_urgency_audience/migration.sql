-- What the extractor reads in a Công điện's header and keeps through review: the urgency mark
-- ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC": every directive of the notice is urgent) and whom the notice
-- is addressed to (the list after "… điện:", a letter's "Kính gửi:"). Notices stored before have
-- neither.

CREATE TYPE "NoticeUrgency" AS ENUM ('khan', 'thuong_khan', 'hoa_toc');

ALTER TABLE "Notice" ADD COLUMN "urgency" "NoticeUrgency",
    ADD COLUMN "audience" TEXT[] DEFAULT ARRAY[]::TEXT[];
