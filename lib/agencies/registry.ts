// The agency registry of one province as the extractor and the seed see it: plain data,
// no database. lib/agencies/queries.ts builds it from the database for the app.

export const AGENCY_KINDS = ["department", "district", "police", "military", "front", "media", "other"] as const;
export type AgencyKindName = (typeof AGENCY_KINDS)[number];

export interface RegistryAgency {
  name: string; // canonical full name, unique in the province: "Sở Y tế", "UBND huyện Văn Lãng"
  shortName: string; // "SYT", "UBND Văn Lãng"
  kind: AgencyKindName;
  aliases: string[]; // other ways notices name it: "Giám đốc Sở Y tế", "Sở YT", "CDC"
}

export interface RegistryGroup {
  name: string; // "UBND các huyện, thành phố"
  aliases: string[]; // "UBND các huyện, thị xã, thành phố", "các địa phương", "Chủ tịch UBND các huyện, thành phố"
  members: string[]; // canonical agency names
}

export interface AgencyRegistry {
  province: string | null; // null: a province not set up yet
  agencies: RegistryAgency[];
  groups: RegistryGroup[];
}
