import "server-only";
import type { Db } from "@/lib/db/client";
import type { ExportDocument } from "@/lib/exports/table";
import { joinList, yesNo } from "@/lib/registry-io/lists";
import type { ColumnSpec } from "@/lib/registry-io/columns";
import {
  AGENCY_COLUMNS,
  AGENCY_KIND_LABELS,
  KIND_CHOICES_TEXT,
  ROLE_CHOICES_TEXT,
  roleLabel,
  USER_COLUMNS,
} from "@/lib/imports/columns";

// The registry and the account list as XLSX, in the columns the import reads: a file exported
// here and imported back shows every row unchanged. The templates are the same sheets with one
// example row, and a second sheet saying what each column takes.

const WIDTHS: Record<string, number> = {
  name: 40,
  shortName: 18,
  kind: 24,
  aliases: 60,
  groups: 50,
  email: 30,
  active: 16,
  username: 24,
  role: 34,
  agencies: 30,
};

const columnsOf = (specs: readonly ColumnSpec[]) => specs.map((c) => ({ header: c.header, width: WIDTHS[c.key] }));

export async function agencyRegistryDocument(db: Db, provinceId: number): Promise<ExportDocument> {
  const [province, agencies] = await Promise.all([
    db.province.findUniqueOrThrow({ where: { id: provinceId }, select: { name: true } }),
    db.agency.findMany({
      where: { provinceId },
      orderBy: [{ active: "desc" }, { kind: "asc" }, { name: "asc" }],
      select: {
        name: true,
        shortName: true,
        kind: true,
        aliases: true,
        email: true,
        active: true,
        memberships: { select: { group: { select: { name: true } } }, orderBy: { group: { name: "asc" } } },
      },
    }),
  ]);
  return {
    title: `Danh mục cơ quan, đơn vị tỉnh ${province.name}`,
    notes: [`${agencies.length} cơ quan, đơn vị.`, ...AGENCY_NOTES],
    sheets: [
      {
        name: "Cơ quan",
        title: "Cơ quan, đơn vị",
        columns: columnsOf(AGENCY_COLUMNS),
        rows: agencies.map((a) => [
          a.name,
          a.shortName,
          AGENCY_KIND_LABELS[a.kind],
          joinList(a.aliases),
          joinList(a.memberships.map((m) => m.group.name)),
          a.email ?? "",
          yesNo(a.active),
        ]),
      },
    ],
  };
}

export async function userListDocument(db: Db, provinceId: number): Promise<ExportDocument> {
  const [province, users] = await Promise.all([
    db.province.findUniqueOrThrow({ where: { id: provinceId }, select: { name: true } }),
    db.user.findMany({
      where: { provinceId },
      orderBy: [{ active: "desc" }, { role: "asc" }, { username: "asc" }],
      select: {
        username: true,
        name: true,
        role: true,
        email: true,
        active: true,
        agencies: { select: { agency: { select: { shortName: true } } }, orderBy: { agency: { shortName: "asc" } } },
      },
    }),
  ]);
  return {
    title: `Người dùng tỉnh ${province.name}`,
    notes: [`${users.length} tài khoản. Tệp không chứa mật khẩu.`, ...USER_NOTES],
    sheets: [
      {
        name: "Người dùng",
        title: "Người dùng",
        columns: columnsOf(USER_COLUMNS),
        rows: users.map((u) => [
          u.username,
          u.name,
          roleLabel(u.role),
          joinList(u.agencies.map((a) => a.agency.shortName)),
          u.email ?? "",
          yesNo(u.active),
        ]),
      },
    ],
  };
}

const AGENCY_NOTES = [
  "Cột bắt buộc: Tên đầy đủ, Tên viết tắt; Loại bắt buộc với cơ quan mới.",
  `Loại: ${KIND_CHOICES_TEXT}.`,
  "Tên gọi khác và Nhóm: nhiều tên cách nhau bằng dấu chấm phẩy (;). Nhóm chưa có sẽ được tạo.",
  "Cột Nhóm là toàn bộ các nhóm của cơ quan: cơ quan được bỏ khỏi nhóm không ghi ở đây.",
  "Đang hoạt động: Có hoặc Không (để trống là giữ nguyên).",
  "Cơ quan có trong danh mục mà không có trong tệp được giữ nguyên; một cột không có trong tệp thì giữ nguyên giá trị đó.",
];

const USER_NOTES = [
  "Cột bắt buộc: Tên đăng nhập, Họ tên, Vai trò.",
  `Vai trò: ${ROLE_CHOICES_TEXT}.`,
  "Cơ quan (chỉ với cán bộ cơ quan, đơn vị): tên viết tắt như trong danh mục cơ quan, nhiều cơ quan cách nhau bằng dấu chấm phẩy (;).",
  "Tên đăng nhập: 3–50 chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.",
  "Tài khoản mới nhận mật khẩu tạm, hiện một lần sau khi xác nhận; người dùng đổi ở lần đăng nhập đầu.",
  "Đang hoạt động: Có hoặc Không (để trống là giữ nguyên).",
];

export function agencyTemplate(): ExportDocument {
  return {
    title: "Mẫu danh mục cơ quan, đơn vị",
    notes: ["Điền mỗi cơ quan một dòng, thay dòng ví dụ; giữ nguyên dòng tiêu đề.", ...AGENCY_NOTES],
    sheets: [
      {
        name: "Cơ quan",
        title: "Cơ quan, đơn vị",
        columns: columnsOf(AGENCY_COLUMNS),
        rows: [
          [
            "Trung tâm Kiểm soát bệnh tật tỉnh",
            "CDC",
            AGENCY_KIND_LABELS.department,
            "CDC tỉnh; Trung tâm KSBT",
            "Thành viên Ban Chỉ đạo tỉnh",
            "cdc@example.gov.vn",
            "Có",
          ],
        ],
      },
    ],
  };
}

export function userTemplate(): ExportDocument {
  return {
    title: "Mẫu danh sách người dùng",
    notes: ["Điền mỗi tài khoản một dòng, thay dòng ví dụ; giữ nguyên dòng tiêu đề.", ...USER_NOTES],
    sheets: [
      {
        name: "Người dùng",
        title: "Người dùng",
        columns: columnsOf(USER_COLUMNS),
        rows: [["syt.nguyenvana", "Nguyễn Văn A", roleLabel("agency_staff"), "SYT", "nguyenvana@example.gov.vn", "Có"]],
      },
    ],
  };
}
