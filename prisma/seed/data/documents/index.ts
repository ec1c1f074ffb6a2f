// The five seed documents as a careful reader records them, in file order. They seed the demo
// database and are the expectations the extractor's tests compare against.

import type { NoticeDraft } from "../../../../lib/notices/draft";
import { DRAFT_000 } from "./000-lang-son-tb-0609";
import { DRAFT_001 } from "./001-lai-chau-tb-3008";
import { DRAFT_002 } from "./002-long-an-tb-875";
import { DRAFT_003 } from "./003-quang-ninh-tb-1511";
import { DRAFT_004 } from "./004-lang-son-cv-bcd";

export const SEED_DOCUMENTS: { file: string; province: string; draft: NoticeDraft }[] = [
  { file: "000_ec265b00dddae054.txt", province: "Lạng Sơn", draft: DRAFT_000 },
  { file: "001_86011e207e7bcac3.txt", province: "Lai Châu", draft: DRAFT_001 },
  { file: "002_8df910bebcacd667.txt", province: "Long An", draft: DRAFT_002 },
  { file: "003_01c405e6d66fb90f.txt", province: "Quảng Ninh", draft: DRAFT_003 },
  { file: "004_a956b0c17b9e6422.txt", province: "Lạng Sơn", draft: DRAFT_004 },
];
