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
import { REGISTER_COLUMNS, STATE_CHOICES_TEXT } from "@/lib/imports/register-columns";

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

const REGISTER_WIDTHS: Record<string, number> = {
  number: 18,
  date: 12,
  title: 30,
  content: 60,
  lead: 30,
  support: 36,
  deadline: 22,
  state: 18,
  completedOn: 16,
};

/** The register of directives (sổ theo dõi): its columns, and example rows of one notice written per assignment. */
export function registerTemplate(): ExportDocument {
  return {
    title: "Mẫu sổ theo dõi thực hiện chỉ đạo",
    notes: [
      "Mỗi dòng một nhiệm vụ, hoặc một cơ quan của nhiệm vụ (các dòng cùng số, ngày và nội dung được gộp thành một nhiệm vụ giao nhiều cơ quan). Giữ dòng tiêu đề; tên cột có thể khác, trang nhập cho ghép cột.",
      "Cột cần có: Số thông báo, Nội dung, Chủ trì; Ngày (dd/mm/yyyy) ghi ở cột riêng hoặc sau số (“123/TB-UBND ngày 12/8/2021”).",
      "Chủ trì, Phối hợp: tên cơ quan hoặc nhóm như trong danh mục (không cần dấu), nhiều tên cách nhau bằng dấu phẩy hoặc chấm phẩy.",
      "Thời hạn: một ngày (30/6/2021) hoặc như thông báo ghi (“Trước ngày 15/6/2021”, “Trong tháng 7/2021”, “Thường xuyên”); để trống là không có thời hạn.",
      `Tình trạng: ${STATE_CHOICES_TEXT}; Ngày hoàn thành (dd/mm/yyyy) cho nhiệm vụ đã hoàn thành.`,
      "Thông báo đã có trong hệ thống (cùng số và ngày) được bỏ qua.",
    ],
    sheets: [
      {
        name: "Sổ theo dõi",
        title: "Sổ theo dõi",
        columns: REGISTER_COLUMNS.map((c) => ({ header: c.header, width: REGISTER_WIDTHS[c.key] })),
        rows: [
          [
            "123/TB-UBND",
            "12/08/2021",
            "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp Ban Chỉ đạo",
            "Tổ chức xét nghiệm diện rộng tại các khu công nghiệp",
            "Sở Y tế",
            "Ban Quản lý Khu kinh tế; Công an tỉnh",
            "Trước ngày 25/08/2021",
            "Đã hoàn thành",
            "20/08/2021",
          ],
          [
            "123/TB-UBND",
            "12/08/2021",
            "",
            "Rà soát, cập nhật phương án phòng, chống dịch tại doanh nghiệp",
            "Sở Lao động - Thương binh và Xã hội",
            "",
            "Thường xuyên",
            "Đang thực hiện",
            "",
          ],
        ],
      },
    ],
  };
}
