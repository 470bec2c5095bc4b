/** Change sets (undo and redo as data) and the factories that build what they put into a plan. */
export type { ApplyResult, Change, ChangeSet } from "./change-set.ts";
export { applyChangeSet, composeChangeSets, InvalidChangeError } from "./change-set.ts";
export type { NewAreaInput } from "./create-plan.ts";
export { createArea, createPlan, createVariant, nextAreaColour } from "./create-plan.ts";
export { replacePlanContent } from "./replace-plan-content.ts";
