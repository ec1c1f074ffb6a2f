import type { AgencyRegistry } from "@/lib/agencies/registry";
import type { ExtractionSpans } from "@/lib/extract";
import type { DraftAssignment, DraftDirective, NoticeDraft } from "@/lib/notices/draft";

// The review screen's editing operations, as pure functions on the proposal so that they can be
// tested without a browser. Each directive carries the highlight spans it came from; split and
// merge keep them so that the source passage stays visible.

export interface Highlight {
  start: number;
  end: number;
  kind: "directive" | "agency" | "deadline";
}

export interface ReviewDirective extends DraftDirective {
  key: string; // stable React key across edits
  highlights: Highlight[];
}

export interface ReviewState {
  notice: NoticeDraft["notice"];
  directives: ReviewDirective[];
  /** Proposed new agencies the secretariat accepted. */
  accepted: string[];
}

let keySeq = 0;
const newKey = () => `d${++keySeq}`;

export function initialState(draft: NoticeDraft, spans: ExtractionSpans | null): ReviewState {
  return {
    notice: draft.notice,
    accepted: [],
    directives: draft.directives.map((d, i) => {
      const s = spans?.directives[i];
      const highlights: Highlight[] = [];
      if (s) {
        highlights.push({ start: s.start, end: s.end, kind: "directive" });
        for (const a of s.assignments) highlights.push({ start: a.start, end: a.end, kind: "agency" });
        if (s.deadline) highlights.push({ ...s.deadline, kind: "deadline" });
      } else if (d.sourceStart != null && d.sourceEnd != null) {
        highlights.push({ start: d.sourceStart, end: d.sourceEnd, kind: "directive" });
      }
      return { ...d, key: newKey(), highlights };
    }),
  };
}

/** The draft the server receives: the directives' passages become sourceStart/sourceEnd. */
export function toDraft(state: ReviewState): NoticeDraft {
  return {
    notice: state.notice,
    directives: state.directives.map(({ key: _key, highlights, ...d }) => {
      const passage = highlights.filter((h) => h.kind === "directive");
      return {
        ...d,
        sourceStart: passage.length ? Math.min(...passage.map((h) => h.start)) : null,
        sourceEnd: passage.length ? Math.max(...passage.map((h) => h.end)) : null,
      };
    }),
  };
}

/**
 * Edits the notice's own fields. Marking it "KHẨN" or "HỎA TỐC" marks every directive urgent,
 * as the header does (unmarking leaves each directive's own choice).
 */
export function updateNotice(state: ReviewState, patch: Partial<NoticeDraft["notice"]>): ReviewState {
  const notice = { ...state.notice, ...patch };
  const markAll = !!patch.urgency && patch.urgency !== state.notice.urgency;
  return {
    ...state,
    notice,
    directives: markAll ? state.directives.map((d) => ({ ...d, urgent: true })) : state.directives,
  };
}

function replaceAt<T>(list: T[], index: number, ...items: T[]): T[] {
  return [...list.slice(0, index), ...items, ...list.slice(index + 1)];
}

export function updateDirective(state: ReviewState, index: number, patch: Partial<DraftDirective>): ReviewState {
  const d = state.directives[index];
  if (!d) return state;
  return { ...state, directives: replaceAt(state.directives, index, { ...d, ...patch }) };
}

export function moveDirective(state: ReviewState, index: number, by: -1 | 1): ReviewState {
  const to = index + by;
  if (to < 0 || to >= state.directives.length) return state;
  const list = [...state.directives];
  [list[index], list[to]] = [list[to]!, list[index]!];
  return { ...state, directives: list };
}

export function removeDirective(state: ReviewState, index: number): ReviewState {
  return { ...state, directives: state.directives.filter((_, i) => i !== index) };
}

export function addDirective(state: ReviewState, after: number): ReviewState {
  const blank: ReviewDirective = {
    key: newKey(),
    ref: "",
    text: "Nhiệm vụ mới",
    urgent: false,
    deadline: null,
    assignments: [],
    highlights: [],
  };
  const list = [...state.directives];
  list.splice(after + 1, 0, blank);
  return { ...state, directives: list };
}

/** Splits a directive's text at a character position; both parts keep the agencies and deadline. */
export function splitDirective(state: ReviewState, index: number, at: number): ReviewState {
  const d = state.directives[index];
  if (!d) return state;
  const first = d.text.slice(0, at).trim();
  const second = d.text.slice(at).trim();
  if (!first || !second) return state;
  const a: ReviewDirective = { ...d, text: first };
  const b: ReviewDirective = {
    ...d,
    key: newKey(),
    ref: d.ref ? `${d.ref}.b` : "",
    text: second,
    assignments: d.assignments.map((x) => ({ ...x })),
  };
  return { ...state, directives: replaceAt(state.directives, index, a, b) };
}

/** Merges a directive with the next one: texts joined, agencies united (lead wins), first deadline kept. */
export function mergeWithNext(state: ReviewState, index: number): ReviewState {
  const a = state.directives[index];
  const b = state.directives[index + 1];
  if (!a || !b) return state;
  const assignments = [...a.assignments];
  for (const x of b.assignments) {
    const i = assignments.findIndex((y) => y.agency === x.agency);
    if (i < 0) assignments.push(x);
    else if (x.role === "lead") assignments[i] = { ...assignments[i]!, role: "lead" };
  }
  const merged: ReviewDirective = {
    ...a,
    text: `${a.text}\n${b.text}`,
    urgent: a.urgent || b.urgent,
    deadline: a.deadline ?? b.deadline,
    assignments,
    highlights: [...a.highlights, ...b.highlights],
  };
  return { ...state, directives: [...state.directives.slice(0, index), merged, ...state.directives.slice(index + 2)] };
}

/**
 * The agencies a name chosen in the editor stands for: one agency, or every member of a group.
 * A name in neither is a new agency to be accepted.
 */
export function assignmentsFor(
  registry: AgencyRegistry,
  name: string,
  role: DraftAssignment["role"],
): DraftAssignment[] {
  const trimmed = name.trim();
  if (!trimmed) return [];
  const group = registry.groups.find((g) => g.name === trimmed);
  if (group) return group.members.map((m) => ({ agency: m, role, viaGroup: group.name, isNew: false }));
  const known = registry.agencies.some((a) => a.name === trimmed);
  return [{ agency: trimmed, role, viaGroup: null, isNew: !known }];
}

export function addAssignments(state: ReviewState, index: number, added: DraftAssignment[]): ReviewState {
  const d = state.directives[index];
  if (!d) return state;
  const present = new Set(d.assignments.map((a) => a.agency));
  return updateDirective(state, index, {
    assignments: [...d.assignments, ...added.filter((a) => !present.has(a.agency))],
  });
}

/** Names proposed as new agencies anywhere in the notice. */
export function newAgencyNames(state: ReviewState): string[] {
  return [...new Set(state.directives.flatMap((d) => d.assignments.filter((a) => a.isNew).map((a) => a.agency)))];
}

/** Renames a proposed agency everywhere; naming an agency of the registry makes it a known one. */
export function renameAgency(state: ReviewState, registry: AgencyRegistry, from: string, to: string): ReviewState {
  const name = to.trim();
  if (!name || name === from) return state;
  const known = registry.agencies.some((a) => a.name === name);
  return {
    ...state,
    accepted: state.accepted.filter((a) => a !== from),
    directives: state.directives.map((d) => ({
      ...d,
      assignments: d.assignments
        .map((a) => (a.agency === from ? { ...a, agency: name, isNew: !known } : a))
        .filter((a, i, all) => all.findIndex((b) => b.agency === a.agency) === i),
    })),
  };
}

export function setAccepted(state: ReviewState, name: string, accepted: boolean): ReviewState {
  const rest = state.accepted.filter((a) => a !== name);
  return { ...state, accepted: accepted ? [...rest, name] : rest };
}
