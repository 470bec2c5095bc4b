/**
 * Derived census figures the panels show: the change between two censuses per method (same area,
 * same method) and the share of an age group in the residents, as ranges over the two methods.
 * Pure; formatting lives with the components.
 */
import type {
  AgeGroup,
  AgeGroupEstimate,
  ResidentsEstimate,
  ResidentsMethod,
} from "../../domain/analysis/analysis-result.ts";

/** The change of one method's figure between the earlier and the current census. */
export interface MethodChange {
  method: ResidentsMethod;
  from: number;
  to: number;
  fromYear: number;
  toYear: number;
  change: number;
  /** Dasymetric only: year of the address points (the same for both censuses). */
  weightsYear?: number;
}

/** The change per method, and the smallest and largest of them; null when the two share no method. */
export interface CensusChange {
  methods: MethodChange[];
  low: number;
  high: number;
  /** Relative change of the area-weighted figure (null when it was 0 before). */
  relative: number | null;
  fromYear: number;
  toYear: number;
}

export function censusChange(current: ResidentsEstimate, before: ResidentsEstimate): CensusChange | null {
  const methods = current.figures.flatMap((now): MethodChange[] => {
    const then = before.figures.find((f) => f.method === now.method);
    return then
      ? [
          {
            method: now.method,
            from: then.residents,
            to: now.residents,
            fromYear: then.dataYear,
            toYear: now.dataYear,
            change: now.residents - then.residents,
            ...(now.weightsDataYear ? { weightsYear: now.weightsDataYear } : {}),
          },
        ]
      : [];
  });
  const first = methods[0];
  if (!first) return null;
  const changes = methods.map((m) => m.change);
  const areaWeighted = methods.find((m) => m.method === "area-weighted-grid") ?? first;
  return {
    methods,
    low: Math.min(...changes),
    high: Math.max(...changes),
    relative: areaWeighted.from > 0 ? areaWeighted.change / areaWeighted.from : null,
    fromYear: first.fromYear,
    toYear: first.toYear,
  };
}

/** One age group's share in the residents, per method (group ÷ residents of the same method). */
export function ageGroupShares(
  residents: ResidentsEstimate,
  group: AgeGroupEstimate,
): { method: ResidentsMethod; share: number | null }[] {
  return group.figures.map((f) => {
    const total = residents.figures.find((r) => r.method === f.method)?.residents ?? 0;
    return { method: f.method, share: total > 0 ? f.residents / total : null };
  });
}

/** The smallest and largest share over the methods; null when no method has residents. */
export function shareRange(
  residents: ResidentsEstimate,
  group: AgeGroupEstimate,
): { low: number; high: number } | null {
  const shares = ageGroupShares(residents, group).flatMap((s) => (s.share === null ? [] : [s.share]));
  return shares.length === 0 ? null : { low: Math.min(...shares), high: Math.max(...shares) };
}

/** Cells touched whose count of the group is 0 while they have residents ("0 may mean not available"). */
export function zeroGroupCells(residents: ResidentsEstimate, group: AgeGroup): number {
  return residents.cells.filter((c) => (c.residents ?? 0) > 0 && c.groups?.[group] === 0).length;
}
