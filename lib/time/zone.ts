export const TIME_ZONE = "Asia/Ho_Chi_Minh";
