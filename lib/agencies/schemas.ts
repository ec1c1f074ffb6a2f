import { z } from "zod";
import { AGENCY_KINDS } from "@/lib/agencies/registry";
import { AGENCY_STATUSES } from "@/lib/agencies/labels";
import { zId, zVersion, toPageNumber } from "@/lib/validation/fields";
import { ZEmail } from "@/lib/users/schemas";

// What the registry's forms accept (/quan-tri/co-quan): an agency, a group, a merge, the list's filters.

export const ZAgencyId = zId("Mã cơ quan không hợp lệ.");
export const ZAgencyVersion = zVersion("cơ quan");
export const ZGroupId = zId("Mã nhóm không hợp lệ.");
export const ZGroupVersion = zVersion("nhóm");

const ZAgencyName = z
  .string({ error: "Vui lòng nhập tên đầy đủ." })
  .trim()
  .min(2, "Vui lòng nhập tên đầy đủ.")
  .max(200, "Tên quá dài (tối đa 200 ký tự).");

const ZShortName = z
  .string({ error: "Vui lòng nhập tên viết tắt." })
  .trim()
  .min(1, "Vui lòng nhập tên viết tắt.")
  .max(60, "Tên viết tắt quá dài (tối đa 60 ký tự).");

const ZKind = z.enum(AGENCY_KINDS, { error: "Vui lòng chọn loại cơ quan." });

/** Other names, one per line in the form (a name may hold commas: "UBND các huyện, thành phố"). */
const tidy = (lines: string[]) => [...new Set(lines.map((s) => s.trim().replace(/\s+/g, " ")).filter(Boolean))];
const ZAliases = z.preprocess(
  (v) =>
    typeof v === "string"
      ? tidy(v.split(/\r?\n/))
      : v === undefined
        ? []
        : Array.isArray(v) && v.every((x) => typeof x === "string")
          ? tidy(v)
          : v,
  z
    .array(z.string().max(200, "Mỗi tên gọi khác dài tối đa 200 ký tự."), { error: "Tên gọi khác không hợp lệ." })
    .max(50, "Tối đa 50 tên gọi khác."),
);

const ZCheckbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const ZCreateAgency = z.object({
  name: ZAgencyName,
  shortName: ZShortName,
  kind: ZKind,
  aliases: ZAliases,
  email: ZEmail,
});

export const ZUpdateAgency = ZCreateAgency.extend({
  agencyId: ZAgencyId,
  version: ZAgencyVersion,
  active: ZCheckbox,
});

export const ZAgencyTarget = z.object({ agencyId: ZAgencyId, version: ZAgencyVersion });

export const ZMergeAgency = ZAgencyTarget.extend({
  successorId: zId("Vui lòng chọn cơ quan tiếp nhận công việc."),
  /** The staff accounts of the ended agency work for the successor from now on. */
  moveUsers: ZCheckbox,
});

const ZGroupName = z
  .string({ error: "Vui lòng nhập tên nhóm." })
  .trim()
  .min(2, "Vui lòng nhập tên nhóm.")
  .max(200, "Tên nhóm quá dài (tối đa 200 ký tự).");

const ZMemberIds = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(zId("Mã cơ quan không hợp lệ."), { error: "Danh sách cơ quan không hợp lệ." })
    .min(1, "Chọn ít nhất một cơ quan thành viên.")
    .max(500, "Tối đa 500 thành viên."),
);

export const ZCreateGroup = z.object({ name: ZGroupName, aliases: ZAliases, memberIds: ZMemberIds });

export const ZUpdateGroup = z.object({
  groupId: ZGroupId,
  version: ZGroupVersion,
  name: ZGroupName,
  aliases: ZAliases,
});

export const ZGroupMember = z.object({ groupId: ZGroupId, version: ZGroupVersion, agencyId: ZAgencyId });
export const ZGroupTarget = z.object({ groupId: ZGroupId, version: ZGroupVersion });

// The list's filters, in the address: malformed values are left out, never an error.
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => {
    const x = first(v);
    return typeof x === "string" && (values as readonly string[]).includes(x) ? x : undefined;
  }, z.enum(values).optional());

export const ZAgencyFilters = z.object({
  q: z.preprocess((v) => {
    const x = first(v);
    return typeof x === "string" && x.trim() ? x.trim().slice(0, 100) : undefined;
  }, z.string().optional()),
  kind: oneOf(AGENCY_KINDS),
  status: oneOf(AGENCY_STATUSES),
  page: z.preprocess(toPageNumber, z.number()),
});
export type AgencyFilterQuery = z.output<typeof ZAgencyFilters>;

export function parseAgencyFilters(raw: Record<string, unknown>): AgencyFilterQuery {
  return ZAgencyFilters.parse(raw);
}

export type CreateAgencyInput = z.output<typeof ZCreateAgency>;
export type UpdateAgencyInput = z.output<typeof ZUpdateAgency>;
export type AgencyTargetInput = z.output<typeof ZAgencyTarget>;
export type MergeAgencyInput = z.output<typeof ZMergeAgency>;
export type CreateGroupInput = z.output<typeof ZCreateGroup>;
export type UpdateGroupInput = z.output<typeof ZUpdateGroup>;
export type GroupMemberInput = z.output<typeof ZGroupMember>;
export type GroupTargetInput = z.output<typeof ZGroupTarget>;
