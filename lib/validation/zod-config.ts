import { z } from "zod";

// zod's own messages in Vietnamese, on the server and in the browser alike; each schema's own
// messages still say more where it matters. A value of the wrong kind (a number where a text is
// expected: only a hand-made request sends that) reads as plain Vietnamese, without type names.
const vi = z.locales.vi();

z.config({
  localeError: (issue) => {
    if (issue.code === "invalid_type")
      return issue.input === undefined ? "Thiếu thông tin bắt buộc." : "Giá trị không đúng định dạng.";
    return vi.localeError(issue);
  },
});
