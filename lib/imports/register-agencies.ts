import { matchEntries, pickerEntries, searchKey } from "@/lib/agencies/match";
import type { AgencyRegistry } from "@/lib/agencies/registry";
import { matcherFor } from "@/lib/extract/agencies";

// The agencies a register's cell names ("Sở Y tế; Công an tỉnh, UBND các huyện, thành phố"),
// found in the province's registry as intake finds them: without diacritics or case, by full
// name, short name, alias or group. Names that hold a comma ("Sở Văn hóa, Thể thao và Du lịch")
// are found whole before the cell is cut at its commas. A name the registry lacks is proposed the
// nearest agency the extractor's matcher reads in it, and waits for the secretariat to map it to
// an agency of the registry or to skip it. Pure: the registry is passed in.

export interface RegisterAgency {
  id: number;
  name: string;
  shortName: string;
  aliases: string[];
  active: boolean;
}

export interface RegisterGroup {
  id: number;
  name: string;
  aliases: string[];
  /** Its active members. */
  memberIds: number[];
}

export interface RegisterRegistry {
  provinceName: string;
  agencies: RegisterAgency[];
  groups: RegisterGroup[];
}

/** What a name in a cell stands for: agencies (a group's members), through the group if it is one. */
export interface CellTarget {
  agencyIds: number[];
  viaGroup: string | null;
}

export interface UnknownName {
  /** The name as matching reads it (the key of the secretariat's choice). */
  key: string;
  text: string;
}

/** The secretariat's choice for a name the registry lacks: an agency's id, or 0 to leave it out. */
export type AgencyChoices = Record<string, number>;

export interface CellReading {
  targets: CellTarget[];
  /** Names the registry lacks that wait for the secretariat's choice. */
  unknown: UnknownName[];
  skipped: string[];
  /** Every name the registry lacks, chosen for or not (the page lists them all, to change a choice). */
  lacking: UnknownName[];
}

const MAX_JOIN = 4;

export class RegisterAgencyFinder {
  private byKey = new Map<string, CellTarget>();
  private active: Map<number, RegisterAgency>;
  private extractRegistry: AgencyRegistry;

  constructor(
    readonly registry: RegisterRegistry,
    private readonly choices: AgencyChoices,
  ) {
    this.active = new Map(registry.agencies.filter((a) => a.active).map((a) => [a.id, a]));
    for (const g of registry.groups) {
      const t = { agencyIds: g.memberIds.filter((id) => this.active.has(id)), viaGroup: g.name };
      for (const n of [g.name, ...g.aliases]) this.byKey.set(searchKey(n), t);
    }
    // An agency's names outrank a group's alias that reads the same.
    for (const a of this.active.values()) {
      const t = { agencyIds: [a.id], viaGroup: null };
      for (const n of [a.name, a.shortName, ...a.aliases]) if (searchKey(n)) this.byKey.set(searchKey(n), t);
    }
    this.extractRegistry = {
      province: registry.provinceName,
      agencies: [...this.active.values()].map((a) => ({
        name: a.name,
        shortName: a.shortName,
        kind: "other",
        aliases: a.aliases,
      })),
      groups: registry.groups.map((g) => ({
        name: g.name,
        aliases: g.aliases,
        members: g.memberIds.flatMap((id) => this.active.get(id)?.name ?? []),
      })),
    };
  }

  agency(id: number): RegisterAgency | undefined {
    return this.active.get(id);
  }

  /** The cell's names, each found, chosen by the secretariat, skipped, or waiting for a choice. */
  read(cell: string): CellReading {
    const parts = cell
      .split(/[;,]/)
      .map((p) => p.replace(/^[\s\-–•+]+/u, "").trim())
      .filter(Boolean);
    const out: CellReading = { targets: [], unknown: [], skipped: [], lacking: [] };
    for (let i = 0; i < parts.length;) {
      let taken = 0;
      for (let j = Math.min(parts.length, i + MAX_JOIN); j > i; j--) {
        const found = this.byKey.get(searchKey(parts.slice(i, j).join(", ")));
        if (found) {
          out.targets.push(found);
          taken = j - i;
          break;
        }
      }
      if (taken === 0) {
        const text = parts[i]!;
        const key = searchKey(text);
        const choice = this.choices[key];
        if (key) out.lacking.push({ key, text });
        if (choice === 0) out.skipped.push(text);
        else if (choice !== undefined && this.active.has(choice))
          out.targets.push({ agencyIds: [choice], viaGroup: null });
        else if (key) out.unknown.push({ key, text });
        taken = 1;
      }
      i += taken;
    }
    return out;
  }

  /** The registry's agency nearest to a name it lacks, or null. */
  propose(text: string): RegisterAgency | null {
    const byName = new Map([...this.active.values()].map((a) => [a.name, a]));
    for (const m of matcherFor(this.extractRegistry).find(text)) {
      if (m.target.type === "agency" && !m.target.isNew) {
        const a = byName.get(m.target.name);
        if (a) return a;
      }
    }
    const entries = pickerEntries(this.extractRegistry).filter((e) => e.kind === "agency");
    const best = matchEntries(text, entries, 1)[0];
    return best ? (byName.get(best.name) ?? null) : null;
  }
}
